'use strict';

// Test doubles for the env-controller handler: a scripted CloudFormation, a local HTTP server that
// plays the pre-signed response URL, a fake clock, and a Lambda context.

const http = require('node:http');
const { createHandler } = require('../../index.js');

const LOG_GROUP = '/aws/lambda/testLambda';
const LOG_STREAM = '2021/06/28/[$LATEST]9b93a7dca7344adeb193d15c092dbbfd';
const LOG_SUFFIX = ` (Log: ${LOG_GROUP}/${LOG_STREAM})`;

/**
 * A CloudFormation fake. `describe` and `update` are lists of scripted answers used in turn (the last
 * one repeats): an object is returned, an Error is thrown, a function is called with the input.
 */
function scriptedCloudFormation({ describe = [], update = [undefined] } = {}) {
  const calls = [];
  const answer = (script, index, input) => {
    const step = script[Math.min(index, script.length - 1)];
    if (step instanceof Error) {
      throw step;
    }
    return typeof step === 'function' ? step(input) : structuredClone(step);
  };
  let describes = 0;
  let updates = 0;
  return {
    calls,
    describeStacks: async (input) => {
      calls.push({ name: 'DescribeStacks', input });
      return answer(describe, describes++, input);
    },
    updateStack: async (input) => {
      calls.push({ name: 'UpdateStack', input });
      return answer(update, updates++, input) ?? { StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/env/1' };
    },
  };
}

/** A DescribeStacks answer with one stack. */
function stackAnswer({ parameters = {}, outputs = {}, status = 'UPDATE_COMPLETE', reason, capabilities } = {}) {
  return {
    Stacks: [{
      StackName: 'env',
      StackStatus: status,
      StackStatusReason: reason,
      Capabilities: capabilities,
      Parameters: Object.entries(parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
      Outputs: Object.entries(outputs).map(([OutputKey, OutputValue]) => ({ OutputKey, OutputValue })),
    }],
  };
}

function awsError(name, message) {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** A local HTTP server standing in for the pre-signed S3 response URL. */
async function startResponseServer() {
  const received = [];
  let status = 200;
  const server = http.createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      received.push({ method: request.method, url: request.url, headers: request.headers, raw, body: JSON.parse(raw.toString('utf8')) });
      response.statusCode = status;
      response.end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/response/path?X-Amz-Signature=abc`,
    received,
    respondWith: (code) => { status = code; },
    reset: () => { received.length = 0; status = 200; },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function lambdaContext(remainingMs = 900_000) {
  return { logGroupName: LOG_GROUP, logStreamName: LOG_STREAM, getRemainingTimeInMillis: () => remainingMs };
}

/** A handler over fakes whose sleeps return at once and move a fake clock forward. */
function handlerWithFakes(cloudFormation, overrides = {}) {
  const clock = { now: 1_000_000, sleeps: [] };
  const handle = createHandler({
    cloudFormation,
    sleep: async (ms) => { clock.sleeps.push(ms); clock.now += ms; },
    now: () => clock.now,
    log: () => {},
    ...overrides,
  });
  return { handle, clock };
}

function event(fields) {
  return {
    StackId: 'arn:aws:cloudformation:us-east-1:123456789012:stack/app-env-job/guid',
    RequestId: 'request-1',
    ResourceType: 'Custom::EnvControllerFunction',
    LogicalResourceId: 'EnvControllerAction',
    ...fields,
  };
}

module.exports = {
  LOG_SUFFIX,
  scriptedCloudFormation,
  stackAnswer,
  awsError,
  startResponseServer,
  lambdaContext,
  handlerWithFakes,
  event,
};
