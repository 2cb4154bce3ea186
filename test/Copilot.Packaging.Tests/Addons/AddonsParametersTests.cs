using Copilot.Packaging.Errors;
using YamlDotNet.RepresentationModel;

namespace Copilot.Packaging.Tests.Addons;

public sealed class AddonsParametersTests
{
    private AddonsTestFiles _files = null!;

    [SetUp]
    public void SetUp() => _files = new AddonsTestFiles();

    [TearDown]
    public void TearDown() => _files.Dispose();

    [Test]
    public void T_ADD_05_both_parameter_files_are_refused()
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters)
            .Write("addons.parameters.yml", "Parameters:\n  A: 1\n")
            .Write("addons.parameters.yaml", "Parameters:\n  A: 1\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Is.EqualTo("defining addons.parameters.yaml and addons.parameters.yml is not allowed under addons/"));
    }

    [TestCase("Other: 1\n")]
    [TestCase("Parameters: {}\n")]
    [TestCase("")]
    public void T_ADD_06_parameter_file_without_parameters_is_refused(string content)
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters).Write("addons.parameters.yml", content);

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Is.EqualTo("must define field 'Parameters' in file addons.parameters.yml under path copilot/mailer/addons"));
        Assert.That(ex.Location!.File, Is.EqualTo("copilot/mailer/addons/addons.parameters.yml"));
    }

    [TestCase("App")]
    [TestCase("Env")]
    [TestCase("Name")]
    public void T_ADD_07_parameter_file_cannot_declare_reserved_parameters(string reserved)
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters)
            .Write("addons.parameters.yml", $"Parameters:\n  Other: x\n  {reserved}: !Ref Something\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Is.EqualTo("reserved parameters \"App\", \"Env\" and \"Name\" cannot be declared"));
        Assert.That(ex.Location, Is.EqualTo(new SourceLocation("copilot/mailer/addons/addons.parameters.yml", 3, 3)));
    }

    [TestCase("App")]
    [TestCase("Env")]
    [TestCase("Name")]
    public void Template_must_declare_app_env_and_name(string missing)
    {
        var parameters = string.Join(string.Empty, new[] { "App", "Env", "Name" }.Where(p => p != missing).Select(p => $"  {p}:\n    Type: String\n"));
        _files.Write("template.yml", "Parameters:\n" + parameters);

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Is.EqualTo($"required parameter \"{missing}\" is missing from the template"));
    }

    [Test]
    public void Parameters_file_keys_must_be_template_parameters()
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters)
            .Write("addons.parameters.yml", "Parameters:\n  ServiceName: !GetAtt Service.Name\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Is.EqualTo("template does not require the parameter \"ServiceName\" in parameters file"));
        Assert.That(ex.Location, Is.EqualTo(new SourceLocation("copilot/mailer/addons/addons.parameters.yml", 2, 3)));
    }

    [Test]
    public void Template_parameters_without_default_must_be_supplied()
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters + "  Stage:\n    Type: String\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Is.EqualTo("parameter \"Stage\" in template must have a default value or is included in parameters file"));
        Assert.That(ex.Location, Is.EqualTo(new SourceLocation("copilot/mailer/addons/template.yml", 9, 5)));
    }

    [Test]
    public void Supplied_and_defaulted_parameters_pass_and_the_parameters_map_is_kept_verbatim_with_tags()
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters + "  ServiceName:\n    Type: String\n  DiscoveryServiceArn:\n    Type: String\n  Stage:\n    Type: String\n    Default: ''\n")
            .Write("addons.parameters.yml", "Parameters:\n  ServiceName: !GetAtt Service.Name\n  DiscoveryServiceArn: !GetAtt DiscoveryService.Arn\n");

        var addons = _files.ReadRequired();

        var extra = addons.ExtraParameters!;
        Assert.That(extra.Children.Keys.Select(k => k.ToString()), Is.EqualTo(new[] { "ServiceName", "DiscoveryServiceArn" }));
        var serviceName = (YamlScalarNode)extra["ServiceName"];
        Assert.That(serviceName.Tag.Value, Is.EqualTo("!GetAtt"));
        Assert.That(serviceName.Value, Is.EqualTo("Service.Name"));
    }

    [Test]
    public void No_parameters_file_means_no_extra_parameters()
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters);

        Assert.That(_files.ReadRequired().ExtraParameters, Is.Null);
    }

    [Test]
    public void Parameters_that_are_not_a_map_are_a_located_error()
    {
        _files.Write("template.yml", AddonsTestFiles.ReservedParameters).Write("addons.parameters.yaml", "Parameters:\n  - a\n");

        var ex = Assert.Throws<CopilotJobException>(() => _files.Read())!;

        Assert.That(ex.Message, Does.StartWith("unmarshal 'Parameters' in file addons.parameters.yaml"));
        Assert.That(ex.Location, Is.EqualTo(new SourceLocation("copilot/mailer/addons/addons.parameters.yaml", 2, 3)));
    }
}
