"""Start moto_server with the fixes the copilot-job tests need.

moto 5.2.1 differs from AWS in a few ways that matter to copilot-shaped data (see the spec's moto.md).
This script patches moto in its own process, then runs the ordinary moto server:

  python3 moto_harness.py -H 127.0.0.1 -p PORT

Patches (only what the tests rely on):
  1. GetTemplateSummary returns Metadata as compact JSON, as AWS does (stock moto prints a Python repr).
  2. ListStackInstances returns the backing stack's real StackId (stock moto invents a new ARN every call),
     and honours StackInstanceAccount / StackInstanceRegion (stock moto ignores them).
  3. What CreateStack of our job templates needs (see _patch_deploy_gaps):
     `!If [c, x, !Ref AWS::NoValue]` items are dropped from lists, as CloudFormation does;
     custom resources (Custom::*) complete at once, answering like the env-controller (Data = the outputs of the
     stack named by the EnvStack property); AWS::EFS::AccessPoint has a physical id and GetAtt Arn / AccessPointId.
  4. What `deploy` needs from change sets (see _patch_change_set_execution):
     a CREATE set's stack resolves Fn::ImportValue against the region's exports (stock moto builds it without them);
     execution emits per-resource events (IN_PROGRESS, COMPLETE for each change, in the change set's order) between
     the stack's own events; after execution the stack's outputs, exports, parameters and tags are refreshed,
     so an identical redeploy is a no-op set; DisableRollback is recorded; and a failing execution ends the way
     CloudFormation ends it (ROLLBACK_COMPLETE / UPDATE_ROLLBACK_COMPLETE with the error as the reason) instead of
     escaping from ExecuteChangeSet with the stack left in REVIEW_IN_PROGRESS.
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


def _patch_no_value_list_items():
    """CloudFormation drops a list item that resolves to AWS::NoValue; stock moto keeps a None there."""
    from moto.cloudformation import parsing

    original = parsing.clean_json

    def clean_json_dropping_no_value(resource_json, resources_map):
        if isinstance(resource_json, list):
            kept = []
            for item in resource_json:
                cleaned = clean_json_dropping_no_value(item, resources_map)
                if cleaned is None and isinstance(item, dict):
                    continue  # an intrinsic (Ref AWS::NoValue, Fn::If ... NoValue) that resolved to nothing
                kept.append(cleaned)
            return kept
        return original(resource_json, resources_map)

    # clean_json recurses through the module global, so replacing it covers nested lists too.
    parsing.clean_json = clean_json_dropping_no_value


def _patch_custom_resources_complete_at_once():
    """Custom resources answer at once, like our env-controller: Data = the outputs of the stack named EnvStack."""
    from moto.cloudformation import custom_model
    from moto.moto_api._internal import mock_random

    def create_completed(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        from moto.cloudformation import cloudformation_backends

        backend = cloudformation_backends[account_id][region_name]
        properties = cloudformation_json.get("Properties", {})
        resource = cls(region_name, str(mock_random.uuid4()), kwargs["LogicalId"], resource_name)
        backend.get_stack(kwargs["StackId"]).add_custom_resource(resource)
        data = {}
        env_stack = properties.get("EnvStack")
        if env_stack:
            outputs = backend.get_stack(env_stack).outputs or []
            data = {o["OutputKey"]: o["OutputValue"] for o in outputs}
        resource.set_data(data)
        return resource

    custom_model.CustomModel.create_from_cloudformation_json = classmethod(create_completed)


def _patch_efs_access_point_attributes():
    """AWS::EFS::AccessPoint: Ref gives the access point id, GetAtt gives Arn and AccessPointId."""
    from moto.efs import models as efs_models

    def get_cfn_attribute(self, attribute_name):
        if attribute_name == "Arn":
            return self.access_point_arn
        if attribute_name == "AccessPointId":
            return self.access_point_id
        from moto.cloudformation.exceptions import UnformattedGetAttTemplateException

        raise UnformattedGetAttTemplateException()

    efs_models.AccessPoint.physical_resource_id = property(lambda self: self.access_point_id)
    efs_models.AccessPoint.has_cfn_attr = classmethod(lambda cls, attr: attr in ("Arn", "AccessPointId"))
    efs_models.AccessPoint.get_cfn_attribute = get_cfn_attribute


def _patch_change_set_execution():
    backend_class = cfn_models.CloudFormationBackend

    def resource_events(stack, changes, phase):
        verbs = {"Add": "CREATE", "Modify": "UPDATE", "Remove": "DELETE"}
        for change in changes:
            verb = verbs.get(change.action, "UPDATE")
            event = cfn_models.Event(
                stack_id=stack.stack_id,
                stack_name=stack.name,
                logical_resource_id=change.logical_resource_id,
                physical_resource_id=change.logical_resource_id,
                resource_type=change.resource_type,
                resource_status=f"{verb}_{phase}",
                resource_status_reason=None,
                resource_properties=None,
            )
            stack.events.append(event)

    def execute_change_set(self, change_set_name, stack_name=None, disable_rollback=False):
        change_set = self.change_sets.get(change_set_name)
        if change_set is None:
            change_set = next((cs for cs in self.change_sets.values() if cs.change_set_name == change_set_name), None)
        if change_set is None:
            raise cfn_models.ValidationError(stack_name)
        stack = self.stacks[change_set.stack_id]
        kind = change_set.change_set_type
        stack.disable_rollback = bool(disable_rollback)
        # CloudFormation resolves Fn::ImportValue against the region's exports; stock moto's CREATE-set stack has none.
        stack.cross_stack_resources = self.exports
        stack.resource_map.cross_stack_resources = self.exports
        stack._add_stack_event(f"{kind}_IN_PROGRESS", resource_status_reason="User Initiated")
        stack.status = f"{kind}_IN_PROGRESS"
        resource_events(stack, change_set.changes, "IN_PROGRESS")
        try:
            change_set.apply()
        except Exception as error:  # what CloudFormation would report as the failure, then roll back
            reason = str(getattr(error, "message", None) or error)
            failed = "ROLLBACK" if kind == "CREATE" else "UPDATE_ROLLBACK"
            if kind == "CREATE":
                stack.template = change_set.template  # CloudFormation keeps the failed creation's template
                stack._parse_template()
            stack._add_stack_event(f"{failed}_IN_PROGRESS", resource_status_reason=reason)
            stack._add_stack_event(f"{failed}_COMPLETE")
            stack.status = f"{failed}_COMPLETE"
            change_set.execution_status = "EXECUTE_FAILED"
            return
        resource_events(stack, change_set.changes, "COMPLETE")
        stack.template = change_set.template
        stack._parse_template()
        stack.description = stack.template_dict.get("Description")
        stack.parameters = change_set.parameters
        if change_set.tags is not None:
            stack.tags = change_set.tags
        stack.output_map = stack._create_output_map()
        for export in stack.exports:
            self.exports[export.name] = export
        stack._add_stack_event(f"{kind}_COMPLETE")
        stack.status = f"{kind}_COMPLETE"
        change_set.execution_status = "EXECUTE_COMPLETE"

    backend_class.execute_change_set = execute_change_set

    def execute_change_set_response(self):
        self.cloudformation_backend.execute_change_set(
            stack_name=self._get_param("StackName"),
            change_set_name=self._get_param("ChangeSetName"),
            disable_rollback=str(self._get_param("DisableRollback")).lower() == "true",
        )
        return cfn_responses.EmptyResult()

    cfn_responses.CloudFormationResponse.execute_change_set = execute_change_set_response


def _patch_deploy_gaps():
    _patch_no_value_list_items()
    _patch_custom_resources_complete_at_once()
    _patch_efs_access_point_attributes()
    _patch_change_set_execution()


if __name__ == "__main__":
    _patch_template_summary_metadata()
    _patch_stack_instance_ids()
    _patch_list_stack_instances_filters()
    _patch_deploy_gaps()
    main(sys.argv[1:])
