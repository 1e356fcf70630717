using System;
using System.IO;
using System.Runtime.Versioning;
using QgaKit.Hooks;
using QgaKit.Hosting;
using QgaKit.Interop;

namespace QgaKit.Tests.Hooks;

/// <summary>
/// The test assembly doubles as a small agent-like program, so tests can start it in situations a test host cannot
/// be in: with SIGCHLD ignored from the start (<c>env --ignore-signal=CHLD</c>) and as pid 1
/// (<c>unshare --pid --fork --mount-proc</c>). It does what an agent must do first, then runs <see cref="HookStress"/>.
/// Usage: <c>QgaKit.Tests hooks-probe (stress|stress-shim|refuse) DIR ROUNDS</c>.
/// </summary>
[SupportedOSPlatform("linux")]
public static class HookProbeProgram
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 4 || args[0] != "hooks-probe")
        {
            return 2;
        }

        // The agent's first acts (ChildSignals' documented prologue).
        bool ignoredAtStart = Signals.IsIgnored(Signals.SIGCHLD);
        bool reset = ChildSignals.ResetIgnoredSigchld();
        if (args[1] == "stress-shim" && ChildSignals.RunInitShimIfPid1(out int shimExit))
        {
            return shimExit;
        }

        string stat = File.ReadAllText("/proc/self/stat");
        string ppid = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1];
        Console.WriteLine($"pid={Signals.getpid()} ppid={ppid} sigchld-ignored-at-start={ignoredAtStart} reset={reset}");

        string dir = args[2];
        if (args[1] == "refuse")
        {
            var options = new AgentOptions();
            options.HookPaths["ok"] = Path.Combine(dir, "ok");
            try
            {
                new HookHost(options, (_, _) => { }).Run(new HookDefinition("ok"), "freeze");
                Console.WriteLine("ran");
            }
            catch (QgaException e)
            {
                Console.WriteLine("refused: " + e.Message);
            }

            return 0;
        }

        var result = HookStress.Run(dir, int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
        Console.WriteLine(result);
        return result.Wrong == 0 && result.Lost == 0 && result.ProcessOk == result.ProcessRuns ? 0 : 1;
    }
}
