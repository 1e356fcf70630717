using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace QgaKit.Tests.Freezing;

/// <summary>
/// Test mounts, a state directory and a recording fsfreeze hook shared by the runs of one differential test
/// (qemu-ga first, then the kit's agent, one after the other). The hook logs its argv, session, process group,
/// stdio targets, descriptors and whether the state file exists, then appends to <c>mnt/probe.txt</c>: a write
/// probe that would block (and time the request out) if the hook ran while <c>mnt</c> was frozen.
/// </summary>
internal sealed class DifferentialSetup : IDisposable
{
    private readonly List<DifferentialAgent> _agents = new();
    private int _hookLines;

    public DifferentialSetup()
    {
        Mounts = new LoopMounts();
        Mnt = Mounts.AddExt4("mnt");
        StateDir = Mounts.StateDir;
        HookPath = Path.Combine(Root, "hook.sh");
        HookLog = Path.Combine(Root, "hook.log");
        SocketPath = Path.Combine(Root, "sock");
        WriteHook();
    }

    public LoopMounts Mounts { get; }

    public string Root => Mounts.Root;

    public string Mnt { get; }

    public string StateDir { get; }

    public string StateFile => Path.Combine(StateDir, "qga.state.isfrozen");

    public string HookPath { get; }

    public string HookLog { get; }

    public string SocketPath { get; }

    /// <summary>Why a differential test cannot run here, or null.</summary>
    public static string? SkipReason()
    {
        if (LoopMounts.SkipReason() is { } reason)
        {
            return reason;
        }

        if (!File.Exists(DifferentialAgent.QemuGaPath))
        {
            return "differential tests need qemu-ga at " + DifferentialAgent.QemuGaPath + " (apt-get install qemu-guest-agent)";
        }

        return File.Exists(DifferentialAgent.KitDll) ? null : "the sample agent was not built next to the tests";
    }

    /// <summary>Starts <paramref name="kind"/> on a clean state dir, hook log and probe file.</summary>
    public DifferentialAgent Start(AgentKind kind, bool resetState = true, params string[] extraArgs)
    {
        if (resetState)
        {
            File.Delete(StateFile);
            File.Delete(HookLog);
            File.Delete(Path.Combine(Mnt, "probe.txt"));
            _hookLines = 0;
            HookDescriptors.Clear();
        }

        var agent = DifferentialAgent.Start(kind, SocketPath, StateDir, HookPath, Root, extraArgs);
        _agents.Add(agent);
        return agent;
    }

    /// <summary>Makes the next hook run with <paramref name="argument"/> exit with <paramref name="status"/>, or
    /// kill itself with SIGKILL when <paramref name="status"/> is null.</summary>
    public void HookFails(string argument, int? status) =>
        File.WriteAllText(Path.Combine(Root, "hook.fail." + argument), status is null ? "kill" : status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void HookSucceeds()
    {
        File.Delete(Path.Combine(Root, "hook.fail.freeze"));
        File.Delete(Path.Combine(Root, "hook.fail.thaw"));
    }

    /// <summary>Turns the write probe off (for a test that freezes mnt behind the agent's back).</summary>
    public void SkipProbe() => File.WriteAllText(Path.Combine(Root, "hook.noprobe"), string.Empty);

    public void SetHookMode(UnixFileMode mode) => File.SetUnixFileMode(HookPath, mode);

    /// <summary>
    /// The descriptors each hook run had, as listed by an <c>ls /proc/self/fd</c> it ran (so 3 is ls's own
    /// directory descriptor). Kept out of the transcripts: qemu-ga leaks descriptors it inherited, the kit does not.
    /// </summary>
    public List<string> HookDescriptors { get; } = new();

    /// <summary>The hook log lines written since the last call, paths replaced by placeholders, descriptors moved to
    /// <see cref="HookDescriptors"/>.</summary>
    public List<string> NewHookLines()
    {
        var lines = File.Exists(HookLog) ? File.ReadAllLines(HookLog) : [];
        var fresh = new List<string>();
        foreach (var line in lines.Skip(_hookLines))
        {
            var match = System.Text.RegularExpressions.Regex.Match(line, " fds=([0-9 ]*) ");
            if (match.Success)
            {
                HookDescriptors.Add(match.Groups[1].Value);
                fresh.Add(Normalize(line.Replace(match.Value, " fds=* ", StringComparison.Ordinal)));
            }
            else
            {
                fresh.Add(Normalize(line));
            }
        }

        _hookLines = lines.Length;
        return fresh;
    }

    public string Normalize(string text) => text.Replace(Root, "<dir>", StringComparison.Ordinal);

    public void Dispose()
    {
        // Agents first (SIGKILL by pid), then the mounts: LoopMounts thaws before it unmounts.
        foreach (var agent in _agents)
        {
            try
            {
                agent.Dispose();
            }
            catch (Exception)
            {
                // Best effort: the mounts below must be thawed and unmounted whatever happened to an agent.
            }
        }

        Mounts.Dispose();
    }

    private void WriteHook()
    {
        var script = $$"""
            #!/bin/sh
            # Recording fsfreeze hook for QgaKit's differential tests.
            dir='{{Root}}'
            argc=$#
            arg="$1"
            read -r stat < /proc/$$/stat
            set -- ${stat##*) }
            # After the command name: state ppid pgrp session ...
            pgrp=own; [ "$3" = "$$" ] || pgrp=other
            session=own; [ "$4" = "$$" ] || session=other
            statefile=no; [ -e '{{StateFile}}' ] && statefile=yes
            fds=$(ls /proc/self/fd | sort -n | tr '\n' ' ')
            envsum=$(env | grep -v -e '^_=' -e '^SHLVL=' -e '^PWD=' -e '^OLDPWD=' | sort | md5sum | cut -c1-8)
            echo "hook $arg argc=$argc argv0=$0 session=$session pgrp=$pgrp stdin=$(readlink /proc/$$/fd/0) stdout=$(readlink /proc/$$/fd/1) stderr=$(readlink /proc/$$/fd/2) fds=${fds% } cwd=$(pwd) umask=$(umask) env=$envsum statefile=$statefile" >> "$dir/hook.log"
            if [ -e "$dir/hook.fail.$arg" ]; then
                fail=$(cat "$dir/hook.fail.$arg")
                [ "$fail" = kill ] && kill -9 $$
                exit "$fail"
            fi
            [ -e "$dir/hook.noprobe" ] || echo "$arg" >> '{{Mnt}}/probe.txt'
            [ -e "$dir/hook.noprobe" ] || echo "probe $arg written" >> "$dir/hook.log"
            exit 0
            """;
        File.WriteAllText(HookPath, script.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
        SetHookMode(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }
}
