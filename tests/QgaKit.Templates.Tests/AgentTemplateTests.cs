using System;
using System.Collections.Generic;
using System.IO;
using QgaKit.Templates.Tests.Infrastructure;
using QgaKit.Testing;
using Xunit;

namespace QgaKit.Templates.Tests;

/// <summary>Every qga-agent option combination scaffolds, builds with warnings as errors and answers.</summary>
[Collection(TemplatesCollection.Name)]
public sealed class AgentTemplateTests(KitPackagesFixture kit)
{
    public static IEnumerable<object[]> OptionCombinations()
    {
        foreach (var aot in new[] { true, false })
        {
            foreach (var systemd in new[] { true, false })
            {
                foreach (var tests in new[] { true, false })
                {
                    yield return new object[] { aot, systemd, tests };
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(OptionCombinations))]
    public void Every_option_combination_builds_and_has_the_files_it_promises(bool aot, bool systemd, bool tests)
    {
        var name = $"Agent{(aot ? "Aot" : "Jit")}{(systemd ? "Systemd" : "")}{(tests ? "Tests" : "")}";
        var agent = ScaffoldedAgent.Create(kit, name, "--aot", B(aot), "--systemd", B(systemd), "--tests", B(tests));

        var csproj = File.ReadAllText(Path.Combine(agent.Directory, name + ".csproj"));
        Assert.Equal(aot, csproj.Contains("<PublishAot>true</PublishAot>", StringComparison.Ordinal));
        Assert.Contains($"Include=\"QgaKit\" Version=\"{kit.Version}\"", csproj, StringComparison.Ordinal);
        Assert.Equal(systemd, File.Exists(Path.Combine(agent.Directory, "systemd", name + ".service")));
        Assert.Equal(tests, File.Exists(Path.Combine(agent.Directory, name + ".Tests", name + ".Tests.csproj")));
        foreach (var script in new[] { "fsfreeze-hook", "fsfreeze-hook.d/10-example.sh", "hooks/app-quiesce-hook" })
        {
            var mode = File.GetUnixFileMode(Path.Combine(agent.Directory, script));
            Assert.True((mode & UnixFileMode.UserExecute) != 0, $"{script} is not executable ({mode})");
            Assert.True((mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0, $"{script} is group/other-writable ({mode}): the agent would refuse it");
        }

        if (systemd)
        {
            var unit = File.ReadAllText(Path.Combine(agent.Directory, "systemd", name + ".service"));
            Assert.Contains(aot ? $"ExecStart=/usr/local/sbin/{name} " : $"ExecStart=/usr/bin/dotnet /opt/{name}/{name}.dll ", unit, StringComparison.Ordinal);
            Assert.DoesNotContain("#if", unit, StringComparison.Ordinal);
            Assert.Contains("Type=notify", unit, StringComparison.Ordinal);
            Assert.Equal(!aot, unit.Contains("Environment=DOTNET_EnableDiagnostics=0", StringComparison.Ordinal));
        }

        var log = agent.Build(tests ? Path.Combine(name + ".Tests", name + ".Tests.csproj") : null);
        Assert.DoesNotContain("CS8785", log, StringComparison.Ordinal);
        Assert.DoesNotContain("CS9057", log, StringComparison.Ordinal);
        Assert.True(File.Exists(agent.AgentDll), agent.AgentDll);
        if (tests && aot && systemd)
        {
            // The scaffolded test project starts the agent on a unix socket and calls its commands.
            agent.Test(Path.Combine(name + ".Tests", name + ".Tests.csproj"));
        }
    }

    [Fact]
    public void A_custom_hook_name_renames_the_hook_type_command_option_and_script()
    {
        var agent = ScaffoldedAgent.Create(kit, "DbAgent", "--hook-name", "db-flush", "--systemd", "false");
        Assert.True(File.Exists(Path.Combine(agent.Directory, "DbFlushHookArg.cs")));
        Assert.True(File.Exists(Path.Combine(agent.Directory, "hooks", "db-flush-hook")));
        agent.Build();

        using var running = agent.Start(Path.Combine(kit.WorkDirectory, "DbAgent-state"));
        Assert.Contains("\"name\": \"guest-db-flush\"", running.Call("{\"execute\":\"guest-info\"}"), StringComparison.Ordinal);
        Assert.Equal("{\"return\": {\"action\": \"quiesce\"}}", running.Call("{\"execute\":\"guest-db-flush\"}"));
    }

    [Fact]
    public void The_default_agent_answers_ping_info_and_its_example_command()
    {
        var agent = ScaffoldedAgent.Create(kit, "PingAgent");
        agent.Build();
        var hook = Path.Combine(agent.Directory, "hooks", "app-quiesce-hook");
        using var running = KitPackagesFixture.Time("first reply", () =>
        {
            var process = agent.Start(Path.Combine(kit.WorkDirectory, "PingAgent-state"), "--app-quiesce-hook=" + hook);
            Assert.Equal("{\"return\": {}}", process.Call("{\"execute\":\"guest-ping\"}"));
            return process;
        });

        var info = running.Call("{\"execute\":\"guest-info\"}");
        Assert.Contains("{\"enabled\": true, \"name\": \"guest-app-quiesce\", \"success-response\": true}", info, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"guest-fsfreeze-freeze\"", info, StringComparison.Ordinal);
        Assert.Equal($"{{\"return\": {{\"action\": \"resume\", \"hook\": \"{hook}\"}}}}",
            running.Call("{\"execute\":\"guest-app-quiesce\",\"arguments\":{\"action\":\"resume\"}}"));
        Assert.Equal("{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'action' does not accept value 'nap'\"}}",
            running.Call("{\"execute\":\"guest-app-quiesce\",\"arguments\":{\"action\":\"nap\"}}"));
    }

    [SkippableFact]
    public void The_scaffolded_fsfreeze_hook_runs_around_a_real_freeze_of_a_loop_mount()
    {
        var skipReason = LoopMount.SkipReason();
        Skip.If(skipReason is not null, skipReason);
        var agent = ScaffoldedAgent.Create(kit, "FreezeAgent", "--systemd", "false");
        var record = Path.Combine(kit.WorkDirectory, "FreezeAgent-hook.log");
        var recorder = Path.Combine(agent.Directory, "fsfreeze-hook.d", "50-record.sh");
        File.WriteAllText(recorder, $"#!/bin/sh\necho \"$1\" >> '{record}'\n");
        File.SetUnixFileMode(recorder, (UnixFileMode)0b111_101_101);
        agent.Build();

        using var mount = new LoopMount(Path.Combine(kit.WorkDirectory, "FreezeAgent-fs"));
        using var running = agent.Start(Path.Combine(kit.WorkDirectory, "FreezeAgent-state"), "-F" + Path.Combine(agent.Directory, "fsfreeze-hook"));
        try
        {
            Assert.Equal("{\"return\": 1}", running.Call($"{{\"execute\":\"guest-fsfreeze-freeze-list\",\"arguments\":{{\"mountpoints\":[\"{mount.MountPoint}\"]}}}}"));
            Assert.Equal("{\"return\": \"frozen\"}", running.Call("{\"execute\":\"guest-fsfreeze-status\"}"));
            Assert.Equal("freeze\n", File.ReadAllText(record));
        }
        finally
        {
            Assert.Equal("{\"return\": 1}", running.Call("{\"execute\":\"guest-fsfreeze-thaw\"}"));
        }

        Assert.Equal("{\"return\": \"thawed\"}", running.Call("{\"execute\":\"guest-fsfreeze-status\"}"));
        Assert.Equal("freeze\nthaw\n", File.ReadAllText(record));
    }

    [Fact]
    public void Item_templates_add_a_hook_type_and_a_command_set_that_work_without_other_edits()
    {
        var agent = ScaffoldedAgent.Create(kit, "ItemsAgent", "--systemd", "false");
        var before = new HashSet<string>(Directory.EnumerateFiles(agent.Directory, "*", SearchOption.AllDirectories));
        agent.AddItem("qga-hook", "Maintenance");
        agent.AddItem("qga-command", "DiskInventory");
        SnapshotAssert.Matches(SnapshotAssert.RenderTree(agent.Directory, f => !before.Contains(Path.Combine(agent.Directory, f))), extension: "txt");
        Assert.True((File.GetUnixFileMode(Path.Combine(agent.Directory, "hooks", "maintenance-hook")) & UnixFileMode.UserExecute) != 0);
        agent.Build();

        var hook = Path.Combine(agent.Directory, "hooks", "maintenance-hook");
        using var running = agent.Start(Path.Combine(kit.WorkDirectory, "ItemsAgent-state"), "--maintenance-hook=" + hook);
        var info = running.Call("{\"execute\":\"guest-info\"}");
        Assert.Contains("\"name\": \"guest-maintenance-hook\"", info, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"guest-disk-inventory\"", info, StringComparison.Ordinal);
        Assert.Equal("{\"return\": {}}", running.Call("{\"execute\":\"guest-maintenance-hook\",\"arguments\":{\"action\":\"start\"}}"));
        Assert.Contains("\"host-name\": ", running.Call("{\"execute\":\"guest-disk-inventory\"}"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_scaffolded_file_tree_matches_its_snapshot()
    {
        var agent = ScaffoldedAgent.Create(kit, "SnapAgent", "--tests", "--no-restore");
        var tree = SnapshotAssert.RenderTree(agent.Directory).Replace(kit.Version, "KIT_VERSION", StringComparison.Ordinal);
        SnapshotAssert.Matches(tree);
    }

    private static string B(bool value) => value ? "true" : "false";
}
