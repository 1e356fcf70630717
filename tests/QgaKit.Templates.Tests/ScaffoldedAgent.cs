using System;
using System.IO;
using QgaKit.Templates.Tests.Infrastructure;

namespace QgaKit.Templates.Tests;

/// <summary>One agent scaffolded from qga-agent into its own folder below the fixture's work directory.</summary>
public sealed class ScaffoldedAgent
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private readonly KitPackagesFixture _kit;

    private ScaffoldedAgent(KitPackagesFixture kit, string name, string directory)
    {
        _kit = kit;
        Name = name;
        Directory = directory;
    }

    public string Name { get; }

    public string Directory { get; }

    public string AgentDll => Path.Combine(Directory, "bin", "Debug", "net10.0", Name + ".dll");

    /// <summary><c>dotnet new qga-agent -n NAME OPTIONS</c> into a fresh folder (restore included unless asked not to).</summary>
    public static ScaffoldedAgent Create(KitPackagesFixture kit, string name, params string[] options)
    {
        var directory = Path.Combine(kit.WorkDirectory, name);
        var arguments = new System.Collections.Generic.List<string> { "qga-agent", "-n", name, "-o", directory };
        arguments.AddRange(options);
        KitPackagesFixture.Time("new " + name, () => kit.NewCommand(kit.WorkDirectory, arguments.ToArray()).EnsureSuccess());
        return new ScaffoldedAgent(kit, name, directory);
    }

    /// <summary>Adds an item template (qga-hook, qga-command) inside the project folder.</summary>
    public void AddItem(string template, string name)
        => _kit.NewCommand(Directory, template, "-n", name).EnsureSuccess();

    /// <summary><c>dotnet build</c> with warnings as errors (the scaffolded csproj sets it); returns the build log.</summary>
    public string Build(string? project = null)
        => KitPackagesFixture.Time("build " + Name, () => ProcessRunner.Dotnet(Directory, BuildTimeout, "build", project ?? Name + ".csproj", "-warnaserror").EnsureSuccess().Output);

    public ProcessResult Test(string project)
        => ProcessRunner.Dotnet(Directory, BuildTimeout, "test", project).EnsureSuccess();

    public AgentProcess Start(string stateDirectory, params string[] extraArguments)
    {
        System.IO.Directory.CreateDirectory(stateDirectory);
        return new AgentProcess(AgentDll, stateDirectory, extraArguments);
    }
}
