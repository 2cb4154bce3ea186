'use strict';

// Runs the handler against an environment stack in moto (a local CloudFormation), through the real
// AWS SDK v3 client. Needs `moto_server` (pip install "moto[server]") and `npm ci` in src/envcontroller.

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { createHandler, cloudFormationFromSdk } = require('../index.js');
const { startResponseServer, lambdaContext, event } = require('./support/fakes.js');

const REGION = 'us-west-2';
const ENV_STACK = 'app-test';

function loadSdk() {
  try {
    return require('@aws-sdk/client-cloudformation');
  } catch (error) {
    throw new Error(`@aws-sdk/client-cloudformation is not installed; run "npm ci" in src/envcontroller (${error.message})`);
  }
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts moto_server on a free port and resolves once it answers. */
async function startMoto() {
  const port = await freePort();
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const spawnFailure = new Promise((_, reject) => child.on('error', (error) => reject(error.code === 'ENOENT'
    ? new Error('moto_server was not found on PATH; install it with: pip install "moto[server]"')
    : error)));
  const endpoint = `http://127.0.0.1:${port}`;
  const ready = (async () => {
    for (let attempt = 0; attempt < 150; attempt++) {
      if (child.exitCode !== null) {
        throw new Error(`moto_server exited with code ${child.exitCode}: ${stderr}`);
      }
      try {
        const answer = await fetch(`${endpoint}/moto-api/`);
        if (answer.ok) {
          return;
        }
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`moto_server did not start within 15 s: ${stderr}`);
  })();
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  try {
    await Promise.race([ready, spawnFailure]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop };
}

describe('env controller against moto', () => {
  let moto;
  let responses;
  let sdk;
  let client;

  before(async () => {
    sdk = loadSdk();
    moto = await startMoto();
    responses = await startResponseServer();
    client = new sdk.CloudFormationClient({
      endpoint: moto.endpoint,
      region: REGION,
      credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    });
    const parameter = (ParameterKey, ParameterValue) => ({ ParameterKey, ParameterValue });
    await client.send(new sdk.CreateStackCommand({
      StackName: ENV_STACK,
      TemplateBody: fs.readFileSync(path.join(__dirname, 'fixtures', 'env-stack.yml'), 'utf8'),
      Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
      Parameters: [
        parameter('AppName', 'app'),
        parameter('EnvironmentName', 'test'),
        parameter('ALBWorkloads', 'web'),
        parameter('InternalALBWorkloads', ''),
        parameter('EFSWorkloads', ''),
        parameter('NATWorkloads', 'api'),
        parameter('AppRunnerPrivateWorkloads', ''),
        parameter('Aliases', '{"web":["a.example.com"]}'),
      ],
    }));
  });

  after(async () => {
    client?.destroy();
    await responses?.close();
    await moto?.stop();
  });

  async function send(fields) {
    responses.reset();
    const handle = createHandler({ cloudFormation: cloudFormationFromSdk(client), pollDelayMs: 50, log: () => {} });
    await handle(event({ ResponseURL: responses.url, ...fields }), lambdaContext());
    assert.equal(responses.received.length, 1);
    return responses.received[0].body;
  }

  async function envParameters() {
    const answer = await client.send(new sdk.DescribeStacksCommand({ StackName: ENV_STACK }));
    return Object.fromEntries(answer.Stacks[0].Parameters.map((p) => [p.ParameterKey, p.ParameterValue]));
  }

  const properties = (parameters) => ({ EnvStack: ENV_STACK, Workload: 'job', Parameters: parameters, EnvVersion: 'v1.42.0' });

  it('Create adds the job to NATWorkloads and EFSWorkloads and returns the new file system', async () => {
    const response = await send({ RequestType: 'Create', ResourceProperties: properties(['NATWorkloads', 'EFSWorkloads']) });
    assert.equal(response.Status, 'SUCCESS', response.Reason);
    assert.equal(response.PhysicalResourceId, `envcontoller/${ENV_STACK}/job`);
    assert.match(response.Data.ManagedFileSystemID ?? '', /^fs-/);
    assert.equal(response.Data.CFNExecutionRoleARN, `arn:aws:iam::123456789012:role/${ENV_STACK}-CFNExecutionRole`);
    assert.equal('EnabledFeatures' in response.Data, false);
    assert.deepEqual(await envParameters(), {
      AppName: 'app',
      EnvironmentName: 'test',
      ALBWorkloads: 'web',
      InternalALBWorkloads: '',
      EFSWorkloads: 'job',
      NATWorkloads: 'api,job',
      AppRunnerPrivateWorkloads: '',
      Aliases: '{"web":["a.example.com"]}',
    });
  });

  it('an Update with unchanged needs leaves the stack alone and returns the outputs', async () => {
    const before = await client.send(new sdk.DescribeStacksCommand({ StackName: ENV_STACK }));
    const response = await send({
      RequestType: 'Update', PhysicalResourceId: `envcontoller/${ENV_STACK}/job`,
      ResourceProperties: { ...properties(['NATWorkloads', 'EFSWorkloads']), EnvVersion: 'v1.43.0' },
    });
    const afterwards = await client.send(new sdk.DescribeStacksCommand({ StackName: ENV_STACK }));
    assert.equal(response.Status, 'SUCCESS', response.Reason);
    assert.match(response.Data.ManagedFileSystemID ?? '', /^fs-/);
    assert.deepEqual(afterwards.Stacks[0].LastUpdatedTime, before.Stacks[0].LastUpdatedTime);
  });

  it('Delete removes the job again and keeps the other workloads', async () => {
    const response = await send({
      RequestType: 'Delete', PhysicalResourceId: `envcontoller/${ENV_STACK}/job`,
      ResourceProperties: properties(['NATWorkloads', 'EFSWorkloads']),
    });
    assert.equal(response.Status, 'SUCCESS', response.Reason);
    assert.equal(response.PhysicalResourceId, `envcontoller/${ENV_STACK}/job`);
    assert.equal('ManagedFileSystemID' in response.Data, false);
    const parameters = await envParameters();
    assert.equal(parameters.NATWorkloads, 'api');
    assert.equal(parameters.EFSWorkloads, '');
    assert.equal(parameters.ALBWorkloads, 'web');
    assert.equal(parameters.Aliases, '{"web":["a.example.com"]}');
  });
});
