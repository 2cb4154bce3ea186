"""Start moto_server with the fixes the copilot-job tests need.

moto 5.2.1 differs from AWS in a few ways that matter to copilot-shaped data (see the spec's moto.md).
This script patches moto in its own process, then runs the ordinary moto server:

  python3 moto_harness.py -H 127.0.0.1 -p PORT

Patches (only what the tests rely on):
  1. GetTemplateSummary returns Metadata as compact JSON, as AWS does (stock moto prints a Python repr).
  2. ListStackInstances returns the backing stack's real StackId (stock moto invents a new ARN every call),
     and honours StackInstanceAccount / StackInstanceRegion (stock moto ignores them).
"""

import json
import sys

from moto.cloudformation import models as cfn_models
from moto.cloudformation import responses as cfn_responses
from moto.server import main


def _patch_template_summary_metadata():
    original = cfn_responses.get_template_summary_response_from_template

    def summary_with_json_metadata(template_body):
        summary = original(template_body)
        metadata = summary.get("Metadata")
        if isinstance(metadata, (dict, list)):
            summary["Metadata"] = json.dumps(metadata, separators=(",", ":"))
        return summary

    cfn_responses.get_template_summary_response_from_template = summary_with_json_metadata


def _patch_stack_instance_ids():
    original = cfn_models.StackInstance.to_dict

    def to_dict_with_real_stack_id(self):
        result = original(self)
        stack = getattr(self, "stack", None)
        if stack is not None:
            result["StackId"] = stack.stack_id
        return result

    cfn_models.StackInstance.to_dict = to_dict_with_real_stack_id


def _patch_list_stack_instances_filters():
    original = cfn_responses.CloudFormationResponse.list_stack_instances

    def filtered_list_stack_instances(self):
        account = self._get_param("StackInstanceAccount")
        region = self._get_param("StackInstanceRegion")
        if not account and not region:
            return original(self)
        stackset_name = self._get_param("StackSetName")
        instances = self.cloudformation_backend.list_stack_instances(stackset_name)
        kept = [
            i
            for i in instances
            if (not account or i.get("Account") == account) and (not region or i.get("Region") == region)
        ]
        return cfn_responses.ActionResult({"Summaries": kept})

    cfn_responses.CloudFormationResponse.list_stack_instances = filtered_list_stack_instances


if __name__ == "__main__":
    _patch_template_summary_metadata()
    _patch_stack_instance_ids()
    _patch_list_stack_instances_filters()
    main(sys.argv[1:])
