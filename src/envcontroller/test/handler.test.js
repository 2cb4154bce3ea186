'use strict';

// Behaviour of the handler against a scripted CloudFormation, answered through a local response URL.
// Cases 1-8 follow the test list of the env-controller spec (section 4); the rest cover the
// behaviour that list leaves out.

const { describe, it, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const {
  LOG_SUFFIX, scriptedCloudFormation, stackAnswer, awsError, startResponseServer, lambdaContext, handlerWithFakes, event,
} = require('./support/fakes.js');

const ROLE = 'arn:aws:iam::123456789012:role/mockEnvStack-CFNExecutionRole';
const previous = (key) => ({ ParameterKey: key, UsePreviousValue: true });
const value = (key, text) => ({ ParameterKey: key, ParameterValue: text });

describe('env controller handler', () => {
  let server;
  before(async () => { server = await startResponseServer(); });
  after(() => server.close());
  beforeEach(() => server.reset());

  async function run(cloudFormation, fields, { context = lambdaContext(), overrides } = {}) {
    const { handle, clock } = handlerWithFakes(cloudFormation, overrides);
    await handle(event({ ResponseURL: server.url, ...fields }), context);
    assert.equal(server.received.length, 1, 'exactly one response is sent');
    return { response: server.received[0].body, clock };
  }

  const names = (cloudFormation) => cloudFormation.calls.map((call) => call.name);
  const updates = (cloudFormation) => cloudFormation.calls.filter((call) => call.name === 'UpdateStack').map((call) => call.input);

  it('1: fails an unsupported request type without calling CloudFormation', async () => {
    const cloudFormation = scriptedCloudFormation();
    const { response } = await run(cloudFormation, {
      RequestType: 'OOPS',
      ResourceProperties: { EnvStack: 'mockEnvStack', Workload: 'mockWorkload', Parameters: [] },
    });
    assert.equal(response.Status, 'FAILED');
    assert.equal(response.Reason, `Unsupported request type OOPS${LOG_SUFFIX}`);
    assert.deepEqual(cloudFormation.calls, []);
  });

  for (const requestType of ['Create', 'Update', 'Delete']) {
    it(`2: keeps the physical ID envcontoller/<EnvStack>/<Workload> on a failed ${requestType}`, async () => {
      const cloudFormation = scriptedCloudFormation({ describe: [{}] });
      const fields = {
        RequestType: requestType,
        ResourceProperties: { EnvStack: 'test', Workload: 'hello', Parameters: [] },
      };
      if (requestType !== 'Create') {
        fields.PhysicalResourceId = 'envcontoller/test/hello';
      }
      const { response } = await run(cloudFormation, fields);
      assert.equal(response.Status, 'FAILED');
      assert.equal(response.PhysicalResourceId, 'envcontoller/test/hello');
      assert.deepEqual(names(cloudFormation), ['DescribeStacks']);
    });
  }

  it('echoes an existing physical ID unchanged even when it does not follow the scheme', async () => {
    const cloudFormation = scriptedCloudFormation({ describe: [stackAnswer({ parameters: { NATWorkloads: '' } })] });
    const { response } = await run(cloudFormation, {
      RequestType: 'Update',
      PhysicalResourceId: 'some-older-id',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: [] },
    });
    assert.equal(response.Status, 'SUCCESS');
    assert.equal(response.PhysicalResourceId, 'some-older-id');
  });

  it('3: fails when DescribeStacks returns no stack', async () => {
    const cloudFormation = scriptedCloudFormation({ describe: [{ Stacks: [] }] });
    const { response } = await run(cloudFormation, {
      RequestType: 'Create',
      ResourceProperties: {
        EnvStack: 'mockEnvStack', Workload: 'mockWorkload', Aliases: ['example.com'], Parameters: ['ALBWorkloads', 'Aliases'],
      },
    });
    assert.equal(response.Status, 'FAILED');
    assert.equal(response.Reason, `Cannot find environment stack mockEnvStack${LOG_SUFFIX}`);
    assert.deepEqual(cloudFormation.calls, [{ name: 'DescribeStacks', input: { StackName: 'mockEnvStack' } }]);
  });

  it('4: adds the workload and its aliases, and reports an UpdateStack error as FAILED', async () => {
    const cloudFormation = scriptedCloudFormation({
      describe: [stackAnswer({ parameters: { ALBWorkloads: 'my-svc,my-other-svc', Aliases: '' } })],
      update: [new Error('not apple pie')],
    });
    const { response } = await run(cloudFormation, {
      RequestType: 'Create',
      ResourceProperties: {
        EnvStack: 'mockEnvStack', Workload: 'mockWorkload', Aliases: ['example.com'], Parameters: ['ALBWorkloads', 'Aliases'],
      },
    });
    assert.deepEqual(updates(cloudFormation), [{
      StackName: 'mockEnvStack',
      UsePreviousTemplate: true,
      Parameters: [
        value('ALBWorkloads', 'my-svc,my-other-svc,mockWorkload'),
        value('Aliases', '{"mockWorkload":["example.com"]}'),
      ],
      RoleARN: undefined,
      Capabilities: undefined,
    }]);
    assert.equal(response.Status, 'FAILED');
    assert.equal(response.Reason, `not apple pie${LOG_SUFFIX}`);
    assert.equal(response.Data, null);
  });

  it('5: returns the outputs without updating when nothing changes', async () => {
    const cloudFormation = scriptedCloudFormation({
      describe: [stackAnswer({
        parameters: { ALBWorkloads: '', InternalALBWorkloads: '', Aliases: '', EFSWorkloads: '', NATWorkloads: '' },
        outputs: { CFNExecutionRoleARN: ROLE },
      })],
    });
    const { response } = await run(cloudFormation, {
      RequestType: 'Update',
      PhysicalResourceId: 'envcontoller/mockEnvStack/my-svc',
      ResourceProperties: { EnvStack: 'mockEnvStack', Workload: 'my-svc', Parameters: ['Aliases'] },
    });
    assert.deepEqual(names(cloudFormation), ['DescribeStacks']);
    assert.equal(response.Status, 'SUCCESS');
    assert.deepEqual(response.Data, { CFNExecutionRoleARN: ROLE });
    assert.equal('Reason' in response, false);
  });

  it('6: a Create with an empty list removes the workload, keeping parameter order', async () => {
    const cloudFormation = scriptedCloudFormation({
      describe: [stackAnswer({
        parameters: {
          AppName: 'demo',
          NATWorkloads: 'frontend,api',
          EFSWorkloads: 'api',
          ALBWorkloads: 'frontend,api',
          Aliases: '{"frontend": ["example.com"]}',
        },
        outputs: { CFNExecutionRoleARN: ROLE },
        capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
      })],
    });
    const { response } = await run(cloudFormation, {
      RequestType: 'Create',
      ResourceProperties: { EnvStack: 'demo-test', Workload: 'frontend', Parameters: [] },
    });
    assert.deepEqual(updates(cloudFormation), [{
      StackName: 'demo-test',
      UsePreviousTemplate: true,
      Parameters: [
        previous('AppName'),
        value('NATWorkloads', 'api'),
        previous('EFSWorkloads'),
        value('ALBWorkloads', 'api'),
        value('Aliases', ''),
      ],
      RoleARN: ROLE,
      Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM', 'CAPABILITY_AUTO_EXPAND'],
    }]);
    assert.equal(response.Status, 'SUCCESS');
    assert.equal(response.PhysicalResourceId, 'envcontoller/demo-test/frontend');
    assert.deepEqual(response.Data, { CFNExecutionRoleARN: ROLE });
  });

  it('7: waits and recomputes from fresh parameters when another update is in progress', async () => {
    const before = { ALBWorkloads: 'my-svc,my-other-svc', Aliases: '' };
    const cloudFormation = scriptedCloudFormation({
      describe: [
        stackAnswer({ parameters: before }),
        stackAnswer({ parameters: before, status: 'UPDATE_IN_PROGRESS' }),
        stackAnswer({ parameters: { ...before, ALBWorkloads: 'my-svc,my-other-svc,third' } }),
        stackAnswer({ parameters: { ...before, ALBWorkloads: 'my-svc,my-other-svc,third' } }),
        stackAnswer({ parameters: { ...before, ALBWorkloads: 'my-svc,my-other-svc,third,mockWorkload' }, outputs: { VpcId: 'vpc-1' } }),
      ],
      update: [new Error('Stack mockEnvStack is in UPDATE_IN_PROGRESS state and can not be updated.'), undefined],
    });
    const { response, clock } = await run(cloudFormation, {
      RequestType: 'Update',
      PhysicalResourceId: 'envcontoller/mockEnvStack/mockWorkload',
      ResourceProperties: { EnvStack: 'mockEnvStack', Workload: 'mockWorkload', Parameters: ['ALBWorkloads', 'Aliases'] },
    });
    assert.deepEqual(names(cloudFormation), [
      'DescribeStacks', 'UpdateStack', 'DescribeStacks', 'DescribeStacks', 'DescribeStacks', 'UpdateStack', 'DescribeStacks',
    ]);
    assert.deepEqual(updates(cloudFormation)[1].Parameters, [
      value('ALBWorkloads', 'my-svc,my-other-svc,third,mockWorkload'),
      previous('Aliases'),
    ]);
    assert.deepEqual(clock.sleeps, [30_000]);
    assert.equal(response.Status, 'SUCCESS');
    assert.deepEqual(response.Data, { VpcId: 'vpc-1' });
  });

  it('8: a Delete removes the workload everywhere and ignores Parameters and Aliases', async () => {
    const cloudFormation = scriptedCloudFormation({
      describe: [
        stackAnswer({ parameters: { ALBWorkloads: 'my-svc,my-other-svc', Aliases: '{"my-svc": ["example.com"]}' } }),
        stackAnswer({ parameters: { ALBWorkloads: 'my-other-svc', Aliases: '' } }),
      ],
    });
    const { response } = await run(cloudFormation, {
      RequestType: 'Delete',
      PhysicalResourceId: 'envcontoller/mockEnvStack/my-svc',
      ResourceProperties: {
        EnvStack: 'mockEnvStack', Workload: 'my-svc', Aliases: ['example.com'], Parameters: ['ALBWorkloads', 'Aliases'],
      },
    });
    assert.deepEqual(updates(cloudFormation), [{
      StackName: 'mockEnvStack',
      UsePreviousTemplate: true,
      Parameters: [value('ALBWorkloads', 'my-other-svc'), value('Aliases', '')],
      RoleARN: undefined,
      Capabilities: undefined,
    }]);
    assert.deepEqual(names(cloudFormation), ['DescribeStacks', 'UpdateStack', 'DescribeStacks']);
    assert.equal(response.Status, 'SUCCESS');
    assert.equal(response.PhysicalResourceId, 'envcontoller/mockEnvStack/my-svc');
  });

  it('adds a job to NATWorkloads and EFSWorkloads and returns ManagedFileSystemID after the update', async () => {
    const cloudFormation = scriptedCloudFormation({
      describe: [
        stackAnswer({ parameters: { AppName: 'app', NATWorkloads: 'api', EFSWorkloads: '' } }),
        stackAnswer({ parameters: { AppName: 'app', NATWorkloads: 'api,job', EFSWorkloads: 'job' }, status: 'UPDATE_IN_PROGRESS' }),
        stackAnswer({
          parameters: { AppName: 'app', NATWorkloads: 'api,job', EFSWorkloads: 'job' },
          outputs: { ManagedFileSystemID: 'fs-1', EnabledFeatures: 'api,job,job', LastForceDeployID: 'x', ClusterId: 'c' },
        }),
      ],
    });
    const { response } = await run(cloudFormation, {
      RequestType: 'Create',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: ['NATWorkloads', 'EFSWorkloads'], EnvVersion: 'v1.42.0' },
    });
    assert.deepEqual(updates(cloudFormation)[0].Parameters, [
      previous('AppName'), value('NATWorkloads', 'api,job'), value('EFSWorkloads', 'job'),
    ]);
    assert.equal(response.Status, 'SUCCESS');
    assert.deepEqual(response.Data, { ManagedFileSystemID: 'fs-1', ClusterId: 'c' }, 'EnabledFeatures and LastForceDeployID are left out');
  });

  it('matches workload names exactly, not by substring or after trimming', async () => {
    const cloudFormation = scriptedCloudFormation({
      describe: [stackAnswer({ parameters: { NATWorkloads: 'job-2, job,job' } })],
    });
    await run(cloudFormation, {
      RequestType: 'Delete',
      PhysicalResourceId: 'envcontoller/app-env/job',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job' },
    });
    assert.deepEqual(updates(cloudFormation)[0].Parameters, [value('NATWorkloads', 'job-2, job')]);
  });

  it('drops empty pieces and duplicates only in the parameters it edits', async () => {
    const cloudFormation = scriptedCloudFormation({
      describe: [stackAnswer({ parameters: { NATWorkloads: ',a,,a,', EFSWorkloads: 'b,,b' } })],
    });
    await run(cloudFormation, {
      RequestType: 'Create',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: ['NATWorkloads'] },
    });
    assert.deepEqual(updates(cloudFormation)[0].Parameters, [value('NATWorkloads', 'a,job'), previous('EFSWorkloads')]);
  });

  it('replaces a changed alias list and keeps the other workloads\' entries', async () => {
    const cloudFormation = scriptedCloudFormation({
      describe: [stackAnswer({ parameters: { ALBWorkloads: 'web,api', Aliases: '{"api":["a.example.com"],"web":["old.example.com"]}' } })],
    });
    await run(cloudFormation, {
      RequestType: 'Update',
      PhysicalResourceId: 'envcontoller/app-env/web',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'web', Parameters: ['ALBWorkloads', 'Aliases'], Aliases: ['new.example.com', 'b.example.com'] },
    });
    assert.deepEqual(updates(cloudFormation)[0].Parameters, [
      previous('ALBWorkloads'),
      value('Aliases', '{"api":["a.example.com"],"web":["new.example.com","b.example.com"]}'),
    ]);
  });

  it('never touches aliases on an environment without an Aliases parameter', async () => {
    const cloudFormation = scriptedCloudFormation({ describe: [stackAnswer({ parameters: { ALBWorkloads: 'web' } })] });
    const { response } = await run(cloudFormation, {
      RequestType: 'Update',
      PhysicalResourceId: 'envcontoller/app-env/web',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'web', Parameters: ['ALBWorkloads'], Aliases: ['x.example.com'] },
    });
    assert.equal(response.Status, 'SUCCESS');
    assert.deepEqual(names(cloudFormation), ['DescribeStacks']);
  });

  it('fails clearly, without updating, when the environment lacks a feature parameter the workload needs', async () => {
    const cloudFormation = scriptedCloudFormation({ describe: [stackAnswer({ parameters: { ALBWorkloads: 'job' } })] });
    const { response } = await run(cloudFormation, {
      RequestType: 'Create',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: ['EFSWorkloads'] },
    });
    assert.equal(response.Status, 'FAILED');
    assert.match(response.Reason, /^Environment stack app-env has no parameter EFSWorkloads \(v1\.3\.0 or later\) that workload job needs/);
    assert.deepEqual(names(cloudFormation), ['DescribeStacks']);
  });

  it('treats "No updates are to be performed" as success with fresh outputs', async () => {
    const cloudFormation = scriptedCloudFormation({
      describe: [
        stackAnswer({ parameters: { NATWorkloads: '' } }),
        stackAnswer({ parameters: { NATWorkloads: 'job' }, outputs: { VpcId: 'vpc-2' } }),
      ],
      update: [awsError('ValidationError', 'No updates are to be performed.')],
    });
    const { response } = await run(cloudFormation, {
      RequestType: 'Create',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: ['NATWorkloads'] },
    });
    assert.equal(response.Status, 'SUCCESS');
    assert.deepEqual(response.Data, { VpcId: 'vpc-2' });
  });

  it('waits for any in-progress operation before reading the parameters', async () => {
    const cloudFormation = scriptedCloudFormation({
      describe: [
        stackAnswer({ parameters: { NATWorkloads: '' }, status: 'UPDATE_ROLLBACK_IN_PROGRESS' }),
        stackAnswer({ parameters: { NATWorkloads: '' }, status: 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS' }),
        stackAnswer({ parameters: { NATWorkloads: '' }, status: 'UPDATE_ROLLBACK_COMPLETE' }),
        stackAnswer({ parameters: { NATWorkloads: '' }, status: 'UPDATE_ROLLBACK_COMPLETE' }),
        stackAnswer({ parameters: { NATWorkloads: 'job' } }),
      ],
    });
    const { response, clock } = await run(cloudFormation, {
      RequestType: 'Create',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: ['NATWorkloads'] },
    });
    assert.deepEqual(names(cloudFormation), ['DescribeStacks', 'DescribeStacks', 'DescribeStacks', 'DescribeStacks', 'UpdateStack', 'DescribeStacks']);
    assert.deepEqual(clock.sleeps, [30_000], 'polls every 30 s while busy');
    assert.equal(response.Status, 'SUCCESS', 'another writer\'s rollback does not fail our update');
  });

  it('retries UpdateStack on any "in progress" state, not only UPDATE_IN_PROGRESS', async () => {
    const cloudFormation = scriptedCloudFormation({
      describe: [stackAnswer({ parameters: { NATWorkloads: '' } }), stackAnswer({ parameters: { NATWorkloads: '' } }), stackAnswer({ parameters: { NATWorkloads: '' } }), stackAnswer({ parameters: { NATWorkloads: 'job' } })],
      update: [awsError('ValidationError', 'Stack arn:aws:cloudformation:x is in UPDATE_COMPLETE_CLEANUP_IN_PROGRESS state and can not be updated.'), undefined],
    });
    const { response } = await run(cloudFormation, {
      RequestType: 'Create',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: ['NATWorkloads'] },
    });
    assert.equal(updates(cloudFormation).length, 2);
    assert.equal(response.Status, 'SUCCESS');
  });

  it('retries throttled calls with a growing delay', async () => {
    const throttled = awsError('Throttling', 'Rate exceeded');
    const cloudFormation = scriptedCloudFormation({
      describe: [throttled, throttled, stackAnswer({ parameters: { NATWorkloads: '' } }), stackAnswer({ parameters: { NATWorkloads: 'job' } })],
      update: [throttled, undefined],
    });
    const { response, clock } = await run(cloudFormation, {
      RequestType: 'Create',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: ['NATWorkloads'] },
    });
    assert.deepEqual(clock.sleeps, [2_000, 4_000, 2_000]);
    assert.equal(updates(cloudFormation).length, 2);
    assert.equal(response.Status, 'SUCCESS');
  });

  it('fails with the stack status reason when our update rolls back', async () => {
    const cloudFormation = scriptedCloudFormation({
      describe: [
        stackAnswer({ parameters: { EFSWorkloads: '' } }),
        stackAnswer({ parameters: { EFSWorkloads: '' }, status: 'UPDATE_ROLLBACK_COMPLETE', reason: 'The following resource(s) failed to create: [EFSFileSystem].' }),
      ],
    });
    const { response } = await run(cloudFormation, {
      RequestType: 'Create',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: ['EFSWorkloads'] },
    });
    assert.equal(response.Status, 'FAILED');
    assert.equal(response.Reason,
      `Update of environment stack app-env ended in UPDATE_ROLLBACK_COMPLETE: The following resource(s) failed to create: [EFSFileSystem].${LOG_SUFFIX}`);
    assert.equal(updates(cloudFormation).length, 1, 'a rollback of our own update is not retried');
  });

  it('fails before the Lambda times out while the environment stays busy', async () => {
    const cloudFormation = scriptedCloudFormation({ describe: [stackAnswer({ parameters: { NATWorkloads: '' }, status: 'UPDATE_IN_PROGRESS' })] });
    const { response, clock } = await run(cloudFormation, {
      RequestType: 'Create',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: ['NATWorkloads'] },
    });
    assert.equal(response.Status, 'FAILED');
    assert.match(response.Reason, /^Lambda took longer than 14\.5 minutes to update environment/);
    assert.equal(clock.sleeps.reduce((a, b) => a + b, 0), 870_000, 'the deadline is the remaining time minus 30 s');
  });

  it('answers FAILED on time even when a CloudFormation call hangs', async () => {
    const cloudFormation = { calls: [], describeStacks: () => new Promise(() => {}), updateStack: () => new Promise(() => {}) };
    const started = Date.now();
    const { response } = await run(cloudFormation, {
      RequestType: 'Create',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: [] },
    }, { context: lambdaContext(30_200), overrides: { now: Date.now } });
    assert.equal(response.Status, 'FAILED');
    assert.match(response.Reason, /^Lambda took longer than/);
    assert.ok(Date.now() - started < 5_000);
  });

  it('reports success for a Delete whose environment stack no longer exists', async () => {
    const cloudFormation = scriptedCloudFormation({ describe: [awsError('ValidationError', 'Stack with id app-env does not exist')] });
    const { response } = await run(cloudFormation, {
      RequestType: 'Delete',
      PhysicalResourceId: 'envcontoller/app-env/job',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: ['NATWorkloads'] },
    });
    assert.equal(response.Status, 'SUCCESS');
    assert.deepEqual(response.Data, {});
  });

  it('fails a Create whose environment stack does not exist', async () => {
    const cloudFormation = scriptedCloudFormation({ describe: [awsError('ValidationError', 'Stack with id app-env does not exist')] });
    const { response } = await run(cloudFormation, {
      RequestType: 'Create',
      ResourceProperties: { EnvStack: 'app-env', Workload: 'job', Parameters: [] },
    });
    assert.equal(response.Status, 'FAILED');
    assert.equal(response.Reason, `Stack with id app-env does not exist${LOG_SUFFIX}`);
  });

  it('fails when a required property is missing', async () => {
    const cloudFormation = scriptedCloudFormation();
    const { response } = await run(cloudFormation, { RequestType: 'Create', ResourceProperties: { EnvStack: 'app-env' } });
    assert.equal(response.Status, 'FAILED');
    assert.equal(response.Reason, `ResourceProperties.Workload must be a non-empty string${LOG_SUFFIX}`);
    assert.deepEqual(cloudFormation.calls, []);
  });
});
