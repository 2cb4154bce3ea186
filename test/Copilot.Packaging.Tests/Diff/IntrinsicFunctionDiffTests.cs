using static Copilot.Packaging.Tests.Diff.DiffTestSupport;

namespace Copilot.Packaging.Tests.Diff;

/// <summary>The spec's §9.9 vectors T-DIFF-14..18: short and full forms of intrinsic functions, and GetAtt spellings.</summary>
public class IntrinsicFunctionDiffTests
{
    private static readonly object[] SameCallInBothForms =
    [
        new object[] { "T-DIFF-14 Sub", "Value: !Sub 'blah'", "Value:\n  Fn::Sub: 'blah'" },
        new object[] { "Base64", "Value:\n  Fn::Base64: \"AWS CloudFormation\"", "Value: !Base64 AWS CloudFormation" },
        new object[] { "Cidr", "CidrBlock:\n  Fn::Cidr:\n    - 192.168.0.0/24\n    - 6\n    - 5", "CidrBlock: !Cidr [\"192.168.0.0/24\", 6, 5 ]" },
        new object[] { "FindInMap", "ImageId:\n  Fn::FindInMap:\n   - RegionMap\n   - !Ref 'AWS::Region'\n   - HVM64", "ImageId: !FindInMap\n - RegionMap\n - !Ref 'AWS::Region'\n - HVM64" },
        new object[] { "GetAZs", "AvailabilityZone: !GetAZs \"\"", "AvailabilityZone:\n  Fn::GetAZs: \"\"" },
        new object[] { "ImportValue", "V:\n  Fn::ImportValue: sharedValueToImport", "V: !ImportValue sharedValueToImport" },
        new object[] { "Join", "V:\n  Fn::Join: ['', ['arn:',!Ref AWS::Partition, ':s3:::elasticbeanstalk-*-',!Ref AWS::AccountId ]]", "V:\n  !Join\n    - ''\n    - - 'arn:'\n      - !Ref AWS::Partition\n      - ':s3:::elasticbeanstalk-*-'\n      - !Ref AWS::AccountId" },
        new object[] { "Select", "CidrBlock: !Select [ 0, !Ref DbSubnetIpBlocks ]", "CidrBlock:\n  Fn::Select:\n    - 0\n    - !Ref DbSubnetIpBlocks" },
        new object[] { "Split", "V: !Split [ \"|\" , \"a||c|\" ]", "V:\n  Fn::Split: [ \"|\" , \"a||c|\" ]" },
        new object[] { "Sub with variables", "Name: !Sub\n  - 'www.${Domain}'\n  - Domain: !Ref RootDomainName", "Name:\n  Fn::Sub:\n    - 'www.${Domain}'\n    - Domain: !Ref RootDomainName" },
        new object[] { "Condition", "ALB:\n  - Condition: CreateALB", "ALB:\n  - !Condition CreateALB" },
        new object[] { "And", "ALB:\n  Fn::And: [this, that]", "ALB: !And\n  - this\n  - that" },
        new object[] { "Equals", "UseProdCondition:\n  Fn::Equals: [!Ref EnvironmentType, prod]", "UseProdCondition:\n  !Equals [!Ref EnvironmentType, prod]" },
        new object[] { "If", "SecurityGroups:\n  - !If [CreateNewSecurityGroup, !Ref NewSecurityGroup, !Ref ExistingSecurityGroup]", "SecurityGroups:\n  - Fn::If: [CreateNewSecurityGroup, !Ref NewSecurityGroup, !Ref ExistingSecurityGroup]" },
        new object[] { "Not", "MyNotCondition:\n  !Not [!Equals [!Ref EnvironmentType, prod]]", "MyNotCondition:\n  Fn::Not: [!Equals [!Ref EnvironmentType, prod]]" },
        new object[] { "Or", "MyOrCondition:\n  Fn::Or: [!Equals [sg-mysggroup, !Ref ASecurityGroup], Condition: SomeOtherCondition]", "MyOrCondition:\n  !Or [!Equals [sg-mysggroup, !Ref ASecurityGroup], Condition: SomeOtherCondition]" },
        new object[] { "Ref", "Port:\n  Ref: ContainerPort", "Port: !Ref ContainerPort" },
        new object[] { "T-DIFF-16 GetAtt list vs dotted scalar", "SourceSecurityGroupOwnerId:\n  Fn::GetAtt:\n    - myELB\n    - SourceSecurityGroup.OwnerAlias", "SourceSecurityGroupOwnerId: !GetAtt myELB.SourceSecurityGroup.OwnerAlias" },
        new object[] { "GetAtt list vs list", "SourceSecurityGroupOwnerId: !GetAtt [myELB, SourceSecurityGroup]", "SourceSecurityGroupOwnerId:\n  Fn::GetAtt:\n    - myELB\n    - SourceSecurityGroup" },
        new object[] { "T-DIFF-18 GetAtt scalar vs scalar", "SourceSecurityGroupOwnerId:\n  Fn::GetAtt: myELB.SourceSecurityGroup", "SourceSecurityGroupOwnerId: !GetAtt myELB.SourceSecurityGroup" },
        new object[] { "GetAtt both short", "SecurityGroups:\n  - !GetAtt PublicHTTPLoadBalancerSecurityGroup.GroupId", "SecurityGroups:\n  - !GetAtt PublicHTTPLoadBalancerSecurityGroup.GroupId" },
    ];

    [TestCaseSource(nameof(SameCallInBothForms))]
    public void The_short_and_full_forms_of_the_same_call_are_no_change(string function, string deployed, string proposed)
    {
        Assert.That(Tree(deployed, proposed).HasChanges, Is.False, function);
        Assert.That(Tree(proposed, deployed).HasChanges, Is.False, function + " (reversed)");
    }

    [Test]
    public void T_DIFF_15_a_changed_argument_across_forms_is_shown_under_the_full_form_key()
    {
        var text = DiffText("hummingbird:\n  Ref: pineapple1", "hummingbird: !Ref pineapple2");

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ hummingbird:
                ~ Ref: pineapple1 -> pineapple2
            """)));
    }

    [Test]
    public void T_DIFF_17_a_dotted_getatt_is_compared_as_a_list_against_the_list_form()
    {
        var text = DiffText(
            "SourceSecurityGroupOwnerId: !GetAtt myELB.SourceSecurityGroup.OwnerAlias",
            "SourceSecurityGroupOwnerId:\n  Fn::GetAtt:\n    - theirELB\n    - SourceSecurityGroup.OwnerAlias");

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ SourceSecurityGroupOwnerId/Fn::GetAtt:
                ~ - myELB -> theirELB
                (1 unchanged item)
            """)));
    }

    [Test]
    public void Two_dotted_getatts_are_compared_as_text_under_the_full_form_key()
    {
        var text = DiffText(
            "SourceSecurityGroupOwnerId: !GetAtt myELB.SourceSecurityGroup.OwnerAlias",
            "SourceSecurityGroupOwnerId:\n  Fn::GetAtt: theirELB.SourceSecurityGroup.OwnerAlias");

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ SourceSecurityGroupOwnerId:
                ~ Fn::GetAtt: myELB.SourceSecurityGroup.OwnerAlias -> theirELB.SourceSecurityGroup.OwnerAlias
            """)));
    }

    [Test]
    public void A_changed_cidr_shows_each_changed_argument_with_its_quoting()
    {
        var text = DiffText(
            "cedar: !Cidr [\"192.168.0.0/16\", 6, 4 ]",
            "cedar:\n  Fn::Cidr:\n    - 192.168.0.0/24\n    - 6\n    - 5");

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ cedar/Fn::Cidr:
                ~ - "192.168.0.0/16" -> 192.168.0.0/24
                (1 unchanged item)
                ~ - 4 -> 5
            """)));
    }

    [Test]
    public void A_nested_call_in_another_form_is_compared_inside_a_changed_item()
    {
        var text = DiffText(
            "AvailabilityZone:\n  Fn::Select:\n    - 0\n    - Fn::GetAZs: \"amazon\"",
            "AvailabilityZone: !Select [0, !GetAZs 'arizona']");

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ AvailabilityZone/Fn::Select:
                (1 unchanged item)
                ~ - (changed item)
                  ~ Fn::GetAZs: "amazon" -> 'arizona'
            """)));
    }

    [Test]
    public void A_changed_join_part_is_found_in_the_nested_list()
    {
        var text = DiffText(
            "TestJoin:\n  Fn::Join: ['', ['arn:',!Ref AWS::Partition, ':s3:::elasticbeanstalk-*-pineapple1',!Ref AWS::AccountId ]]",
            "TestJoin:\n  !Join\n    - ''\n    - - 'arn:'\n      - !Ref AWS::Partition\n      - ':s3:::elasticbeanstalk-*-pineapple2'\n      - !Ref AWS::AccountId");

        Assert.That(text, Is.EqualTo(Lines(
            """
            ~ TestJoin/Fn::Join:
                (1 unchanged item)
                ~ - (changed item)
                  (2 unchanged items)
                  ~ - ':s3:::elasticbeanstalk-*-pineapple1' -> ':s3:::elasticbeanstalk-*-pineapple2'
                  (1 unchanged item)
            """)));
    }

    [Test]
    public void A_key_that_only_looks_like_a_function_name_is_not_a_call()
    {
        var text = DiffText("Stuff:\n  Sub: not_an_intrinsic_function", "Stuff: !Sub this_is_one");

        Assert.That(text, Is.EqualTo(Lines(
            """
            - Stuff:
            -     Sub: not_an_intrinsic_function
            + Stuff: !Sub this_is_one
            """)));
    }

    [Test]
    public void Different_functions_are_not_converted()
    {
        var text = DiffText("Value:\n  Fn::Join: ['', [a]]", "Value: !Sub a");

        Assert.That(text, Is.EqualTo(Lines(
            """
            - Value:
            -     Fn::Join: ['', [a]]
            + Value: !Sub a
            """)));
    }

    [TestCase("Port: '80'", "Port: 80")]
    [TestCase("Port: \"80\"", "Port: 80")]
    [TestCase("Name: !Ref X", "Name: X")]
    [TestCase("Flag: True", "Flag: true")]
    public void Scalars_with_the_same_text_are_equal_whatever_their_quoting_or_tag(string deployed, string proposed)
    {
        Assert.That(Tree(deployed, proposed).HasChanges, Is.False);
    }

    [Test]
    public void A_quoted_true_is_a_string_and_differs_from_another_spelling()
    {
        Assert.That(DiffText("Flag: 'True'", "Flag: true"), Is.EqualTo("~ Flag: 'True' -> true\n"));
    }
}
