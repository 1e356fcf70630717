using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Threading;
using System.Threading.Tasks;
using QgaKit.Hooks;
using QgaKit.Hosting;

namespace QgaKit.Tests.Hooks;

/// <summary>Hooks (exit 3, killed by SIGKILL, exit 0) run from several threads while System.Diagnostics.Process
/// starts and reaps its own children in parallel: every hook status must come back exact.</summary>
[SupportedOSPlatform("linux")]
internal static class HookStress
{
    public sealed record Result(int Exact, int Wrong, int Lost, int ProcessOk, int ProcessRuns, string FirstProblem)
    {
        public override string ToString() => $"exact={Exact} wrong={Wrong} lost={Lost} process={ProcessOk}/{ProcessRuns} first-problem={FirstProblem}";
    }

    /// <summary>Writes the three hooks into <paramref name="dir"/>.</summary>
    public static void WriteHooks(string dir)
    {
        Write(dir, "exit3", "exit 3");
        Write(dir, "kill9", "kill -9 $$; sleep 5");
        Write(dir, "ok", "exit 0");
    }

    public static Result Run(string dir, int rounds, int hookThreads = 4, int processThreads = 2)
    {
        var options = new AgentOptions();
        foreach (string name in new[] { "exit3", "kill9", "ok" })
        {
            options.HookPaths[name] = Path.Combine(dir, name);
        }

        var host = new HookHost(options, (_, _) => { });
        int exact = 0, wrong = 0, lost = 0, processOk = 0, processRuns = 0;
        var problems = new ConcurrentQueue<string>();
        using var done = new CancellationTokenSource();

        var processes = Enumerable.Range(0, processThreads).Select(_ => Task.Factory.StartNew(() =>
        {
            while (!done.IsCancellationRequested)
            {
                using var p = Process.Start(new ProcessStartInfo("/bin/true") { UseShellExecute = false })!;
                bool exited = p.WaitForExit(30_000);
                Interlocked.Increment(ref processRuns);
                if (exited && p.ExitCode == 0)
                {
                    Interlocked.Increment(ref processOk);
                }
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        var hooks = Enumerable.Range(0, hookThreads).Select(_ => Task.Factory.StartNew(() =>
        {
            for (int i = 0; i < rounds; i++)
            {
                foreach (var (name, expected) in new[] { ("exit3", "exit3 hook has failed with status 3"), ("kill9", "kill9 hook has terminated abnormally"), ("ok", (string?)null) })
                {
                    string? got = null;
                    try
                    {
                        host.Run(new HookDefinition(name), "freeze");
                    }
                    catch (QgaException e)
                    {
                        got = e.Message;
                    }

                    if (got == expected)
                    {
                        Interlocked.Increment(ref exact);
                    }
                    else
                    {
                        Interlocked.Increment(ref got?.StartsWith("failed to wait for child", StringComparison.Ordinal) == true ? ref lost : ref wrong);
                        problems.Enqueue(got ?? "(success)");
                    }
                }
            }
        }, TaskCreationOptions.LongRunning)).ToArray();

        Task.WaitAll(hooks);
        done.Cancel();
        Task.WaitAll(processes);
        return new Result(exact, wrong, lost, processOk, processRuns, problems.TryPeek(out var first) ? first.Replace(' ', '_') : "none");
    }

    private static void Write(string dir, string name, string body)
    {
        string path = Path.Combine(dir, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));
    }
}
