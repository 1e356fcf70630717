using System;
using System.Linq;
using System.Text.RegularExpressions;
using QgaKit.Templates.Tests.Infrastructure;
using Xunit;

namespace QgaKit.Templates.Tests;

/// <summary>The template package installs cleanly and describes itself well.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class TemplatePackageTests(KitPackagesFixture kit)
{
    private static readonly string[] Identities =
    {
        "QgaKit.Templates.Agent.CSharp",
        "QgaKit.Templates.Hook.CSharp",
        "QgaKit.Templates.Command.CSharp",
    };

    [Fact]
    public void Install_reports_no_validation_messages_for_our_templates()
    {
        // `-v diag` prints "The template '<name>' (<identity>) has the following validation messages:" then one
        // indented line per finding. None is allowed for ours.
        foreach (var identity in Identities)
        {
            var block = Regex.Match(kit.InstallOutput, @"\(" + Regex.Escape(identity) + @"\) has the following validation messages:\n((?:\s+\[.*\n)+)");
            Assert.False(block.Success, $"{identity} has validation messages:\n{block.Groups[1].Value}");
        }

        foreach (var shortName in new[] { "qga-agent", "qga-hook", "qga-command" })
        {
            Assert.Contains(shortName, kit.NewCommand(kit.WorkDirectory, "list", "qga").EnsureSuccess().Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Agent_template_help_lists_friendly_option_names_and_the_stamped_kit_version()
    {
        var help = kit.NewCommand(kit.WorkDirectory, "qga-agent", "-h").EnsureSuccess().Output;
        foreach (var option in new[] { "--aot", "--systemd", "--tests", "--hook-name", "--kit-version", "--no-restore" })
        {
            Assert.Contains(option, help, StringComparison.Ordinal);
        }

        Assert.Contains("Default: " + kit.Version, help, StringComparison.Ordinal);
        Assert.DoesNotContain("PLACEHOLDER", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("qga-hook", "--namespace")]
    [InlineData("qga-command", "--namespace")]
    public void Item_template_help_reads_well(string template, string option)
    {
        var help = kit.NewCommand(kit.WorkDirectory, template, "-h").EnsureSuccess().Output;
        Assert.Contains(option, help, StringComparison.Ordinal);
        Assert.Contains("QgaKit", help, StringComparison.Ordinal);
    }

    [Fact]
    public void The_kit_package_holds_runtime_generator_readme_and_build_props()
    {
        using var package = System.IO.Compression.ZipFile.OpenRead(System.IO.Path.Combine(kit.Feed, $"QgaKit.{kit.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("lib/net10.0/QgaKit.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/QgaKit.Generators.dll", entries);
        Assert.Contains("buildTransitive/QgaKit.props", entries);
        Assert.Contains("PackageReadme.md", entries);
        Assert.True(System.IO.File.Exists(System.IO.Path.Combine(kit.Feed, $"QgaKit.{kit.Version}.snupkg")), "symbols package");
    }
}
