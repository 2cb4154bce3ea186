"""The AWS side of build/benchmark.sh: a copilot-shaped account in moto, a latency-adding proxy, and the wave count.

  python3 benchmark_aws.py seed ENDPOINT            write the app, environment, env stack and StackSet into moto
  python3 benchmark_aws.py proxy TARGET PORT MS LOG  forward 127.0.0.1:PORT to TARGET, MS milliseconds later per
                                                     request, appending "arrived answered service operation" to LOG
  python3 benchmark_aws.py waves LOG                 the sequential round trips in LOG: the longest chain of requests
                                                     each of which arrived after the one before it was answered

Only the Python standard library and boto3 (which moto brings) are used.
"""

import http.client
import http.server
import json
import re
import sys
import threading
import time
import urllib.parse

APP, ENV, REGION, ACCOUNT = "my-app", "test", "us-west-2", "123456789012"

ENV_STACK = """AWSTemplateFormatVersion: '2010-09-09'
Metadata:
  Version: v1.42.0
Parameters:
  AppName: {Type: String}
  EnvironmentName: {Type: String}
  ALBWorkloads: {Type: String}
  EFSWorkloads: {Type: String}
  NATWorkloads: {Type: String}
  ServiceDiscoveryEndpoint: {Type: String}
Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterName: !Sub '${AppName}-${EnvironmentName}-Cluster'
Outputs:
  ClusterId:
    Value: !Ref Cluster
    Export: {Name: !Sub '${AWS::StackName}-ClusterId'}
  PublicSubnets:
    Value: 'subnet-0aaa,subnet-0bbb'
    Export: {Name: !Sub '${AWS::StackName}-PublicSubnets'}
  EnvironmentSecurityGroup:
    Value: 'sg-0123'
    Export: {Name: !Sub '${AWS::StackName}-EnvironmentSecurityGroup'}
"""

INFRASTRUCTURE = """AWSTemplateFormatVersion: '2010-09-09'
Resources:
  KMSKey:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - {Effect: Allow, Principal: {AWS: !Sub 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root'}, Action: 'kms:*', Resource: '*'}
  PipelineBuiltArtifactBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub 'my-app-artifacts-${AWS::Region}'
  ECRReporeportDASHgenerator:
    Type: AWS::ECR::Repository
    Properties:
      RepositoryName: my-app/report-generator
Outputs:
  KMSKeyARN: {Value: !GetAtt KMSKey.Arn}
  PipelineBucket: {Value: !Ref PipelineBuiltArtifactBucket}
  ECRReporeportDASHgenerator: {Value: !GetAtt ECRReporeportDASHgenerator.Arn}
"""


def seed(endpoint):
    import boto3

    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name=REGION)
    ssm = session.client("ssm", endpoint_url=endpoint)
    cfn = session.client("cloudformation", endpoint_url=endpoint)
    app = {"name": APP, "account": ACCOUNT, "domain": "", "version": "1.0", "tags": {"owner": "team-a"}}
    env = {
        "app": APP, "name": ENV, "region": REGION, "accountID": ACCOUNT, "registryURL": "",
        "executionRoleARN": f"arn:aws:iam::{ACCOUNT}:role/{APP}-{ENV}-CFNExecutionRole",
        "managerRoleARN": f"arn:aws:iam::{ACCOUNT}:role/{APP}-{ENV}-EnvManagerRole",
        "telemetry": {"containerInsights": False},
    }
    ssm.put_parameter(Name=f"/copilot/applications/{APP}", Value=json.dumps(app), Type="String")
    ssm.put_parameter(Name=f"/copilot/applications/{APP}/environments/{ENV}", Value=json.dumps(env), Type="String")
    parameters = {"AppName": APP, "EnvironmentName": ENV, "ALBWorkloads": "", "EFSWorkloads": "", "NATWorkloads": "",
                  "ServiceDiscoveryEndpoint": f"{ENV}.{APP}.local"}
    cfn.create_stack(StackName=f"{APP}-{ENV}", TemplateBody=ENV_STACK,
                     Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in parameters.items()])
    cfn.create_stack_set(StackSetName=f"{APP}-infrastructure", TemplateBody=INFRASTRUCTURE, PermissionModel="SELF_MANAGED")
    cfn.create_stack_instances(StackSetName=f"{APP}-infrastructure", Accounts=[ACCOUNT], Regions=[REGION])


def describe(headers, body):
    scope = re.search(r"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/", headers.get("Authorization", ""))
    service = scope.group(1) if scope else "unknown"
    target = headers.get("X-Amz-Target")
    if target:
        return service, target.rsplit(".", 1)[-1]
    action = urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("Action", ["?"])[0]
    return service, action


def proxy(target, port, latency_ms, log):
    target = urllib.parse.urlsplit(target)
    lock = threading.Lock()
    start = time.monotonic()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def _forward(self):
            arrived = time.monotonic() - start
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            time.sleep(latency_ms / 1000)
            connection = http.client.HTTPConnection(target.hostname, target.port, timeout=60)
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection", "content-length")}
            headers["Host"] = f"{target.hostname}:{target.port}"
            connection.request(self.command, self.path, body=body, headers=headers)
            response = connection.getresponse()
            answer = response.read()
            self.send_response(response.status)
            for key, value in response.getheaders():
                if key.lower() not in ("content-length", "connection", "transfer-encoding", "server", "date"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)
            self.wfile.flush()
            connection.close()
            service, operation = describe(self.headers, body)
            with lock, open(log, "a", encoding="utf-8") as out:
                out.write(f"{arrived:.6f} {time.monotonic() - start:.6f} {service} {operation}\n")

        do_GET = do_POST = do_PUT = do_HEAD = do_DELETE = _forward

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.serve_forever()


def waves(log):
    exchanges = []
    with open(log, encoding="utf-8") as lines:
        for line in lines:
            arrived, answered, *_ = line.split()
            exchanges.append((float(arrived), float(answered)))
    exchanges.sort()
    depth = []
    for i, (arrived, _) in enumerate(exchanges):
        depth.append(1 + max((depth[j] for j in range(i) if exchanges[j][1] <= arrived), default=0))
    return max(depth, default=0), len(exchanges)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "seed":
        seed(sys.argv[2])
    elif command == "proxy":
        proxy(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    elif command == "waves":
        count, calls = waves(sys.argv[2])
        print(f"{count} {calls}")
    else:
        sys.exit(f"unknown command {command}")
