'use strict';

// The response transport: a PUT of the exact body fields to the pre-signed ResponseURL.

const { describe, it, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const { putResponse, responseBody } = require('../index.js');
const {
  LOG_SUFFIX, scriptedCloudFormation, stackAnswer, startResponseServer, lambdaContext, handlerWithFakes, event,
} = require('./support/fakes.js');

describe('response transport', () => {
  let server;
  before(async () => { server = await startResponseServer(); });
  after(() => server.close());
  beforeEach(() => server.reset());

  const successfulCloudFormation = () =>
    scriptedCloudFormation({ describe: [stackAnswer({ parameters: { NATWorkloads: '' }, outputs: { VpcId: 'vpc-1' } })] });

  it('PUTs to the URL path and query with an empty Content-Type and the byte length', async () => {
    const { handle } = handlerWithFakes(successfulCloudFormation());
    await handle(event({
      RequestType: 'Create', ResponseURL: server.url,
      ResourceProperties: { EnvStack: 'app-env', Workload: 'jöb', Parameters: [] },
    }), lambdaContext());
    const [request] = server.received;
    assert.equal(request.method, 'PUT');
    assert.equal(request.url, '/response/path?X-Amz-Signature=abc');
    assert.equal(request.headers['content-type'], '');
    assert.equal(Number(request.headers['content-length']), request.raw.length);
    assert.ok(request.raw.length > request.raw.toString('utf8').length, 'the body has multi-byte characters');
  });

  it('sends exactly the SUCCESS fields, without Reason', async () => {
    const { handle } = handlerWithFakes(successfulCloudFormation());
    await handle(event({
      RequestType: 'Create', ResponseURL: server.url,
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: [] },
    }), lambdaContext());
    assert.deepEqual(server.received[0].body, {
      Status: 'SUCCESS',
      PhysicalResourceId: 'envcontoller/app-env/job',
      StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/app-env-job/guid',
      RequestId: 'request-1',
      LogicalResourceId: 'EnvControllerAction',
      Data: { VpcId: 'vpc-1' },
    });
  });

  it('sends exactly the FAILED fields, with Reason and null Data', async () => {
    const { handle } = handlerWithFakes(scriptedCloudFormation());
    await handle(event({
      RequestType: 'Nope', ResponseURL: server.url, PhysicalResourceId: 'envcontoller/app-env/job',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job' },
    }), lambdaContext());
    assert.deepEqual(server.received[0].body, {
      Status: 'FAILED',
      Reason: `Unsupported request type Nope${LOG_SUFFIX}`,
      PhysicalResourceId: 'envcontoller/app-env/job',
      StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/app-env-job/guid',
      RequestId: 'request-1',
      LogicalResourceId: 'EnvControllerAction',
      Data: null,
    });
  });

  it('shortens a long Reason so that the body stays within 4096 bytes', async () => {
    const { handle } = handlerWithFakes(scriptedCloudFormation({ describe: [new Error('é€'.repeat(5000))] }));
    await handle(event({
      RequestType: 'Create', ResponseURL: server.url,
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: [] },
    }), lambdaContext());
    const [request] = server.received;
    assert.ok(request.raw.length <= 4096, `body is ${request.raw.length} bytes`);
    assert.ok(request.raw.length > 3900, 'the Reason is not cut more than needed');
    assert.match(request.body.Reason, /^é€é€.* \[truncated\]$/);
  });

  it('leaves short bodies untouched', () => {
    const fields = { Status: 'FAILED', Reason: 'short', Data: null };
    assert.equal(responseBody(fields), JSON.stringify(fields));
  });

  it('makes the handler throw when the response URL answers with an error status', async () => {
    server.respondWith(403);
    const { handle } = handlerWithFakes(successfulCloudFormation());
    await assert.rejects(
      handle(event({ RequestType: 'Create', ResponseURL: server.url, ResourceProperties: { EnvStack: 'app-env', Workload: 'job' } }), lambdaContext()),
      /HTTP 403/);
  });

  it('rejects when the connection fails', async () => {
    const closed = net.createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    await assert.rejects(putResponse(`http://127.0.0.1:${port}/x`, '{}'), /ECONNREFUSED/);
  });
});
