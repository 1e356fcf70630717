using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using QgaKit.Commands;
using QgaKit.Dispatch;
using QgaKit.Freezing;
using QgaKit.Hooks;
using QgaKit.Hosting.CommandLine;
using QgaKit.Hosting.Daemon;
using QgaKit.Interop;
using QgaKit.Logging;
using QgaKit.Protocol;
using QgaKit.Transports;

namespace QgaKit.Hosting;

/// <summary>The whole agent behind one call: <c>return QgaAgent.Run(args);</c> is a complete Program.cs.
/// Commands and hooks come from every generated module (see <see cref="QgaModules"/>).</summary>
public static partial class QgaAgent
{
    /// <summary>Runs the agent with qemu-ga's command line; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);

        // First act: an inherited SIGCHLD = SIG_IGN would make the kernel reap hook processes before we can wait.
        _ = ChildSignals.ResetIgnoredSigchld();

        // As pid 1 the runtime would reap hook children itself: run the agent as pid 1's only child instead.
        if (ChildSignals.RunInitShimIfPid1(out var shimExitCode))
        {
            return shimExitCode;
        }

        var modules = QgaModules.All;
        var hooks = new HookCatalog();
        foreach (var module in modules)
        {
            module.RegisterHooks(hooks);
        }

        var parsed = AgentCommandLine.Parse(args, AgentCommandLine.DefaultArgv0(), hooks, DeferredConsoleWriter.Out, DeferredConsoleWriter.Error, () => CommandNames(modules, hooks));
        if (parsed.Options is not { } options)
        {
            return parsed.ExitCode;
        }

        // -d: the parent re-executes the agent detached and waits until it serves; the child carries on here.
        if (DaemonMode.ShouldLaunch(options))
        {
            return DaemonLauncher.Launch(Console.Error);
        }

        using var daemon = DaemonMode.EnterChild();
        using var logger = new AgentLogger(options);
        var frozen = new FrozenState();
        var table = new CommandTable();
        var delimiter = new ResponseDelimiter();
        var services = CreateServices(options, logger, frozen, hooks, table, delimiter);

        // A state file left by a previous instance means the filesystems may still be frozen: come up frozen
        // (qemu-ga's check_is_frozen) before any command is registered or any file is written.
        services.GetRequired<Freezer>().RecoverAtStartup();
        foreach (var module in modules)
        {
            module.RegisterCommands(table, services);
        }

        // qemu-ga opens its log file at start-up and exits when it cannot; it defers that while frozen.
        if (!frozen.IsFrozen && !logger.TryOpenLogFile(out var logError))
        {
            GLibConsoleMessage.Critical(Console.Error, logError!);
            return 1;
        }

        logger.Debug("Guest agent version " + AgentVersion.Text + " started");
        _ = new CommandFilter(table, frozen, options.BlockRpcs, options.AllowRpcs);
        var dispatcher = new Dispatcher(table, delimiter, logger);

        using var stop = new CancellationTokenSource();
        using var signals = new ShutdownSignals(frozen, logger, stop);
        var loop = new AgentLoop(dispatcher, logger, () => signals.ExitAfterReply);
        var serving = new ServingReport(daemon, options, frozen, logger);
        var exitCode = RunLoopAsync(options, loop, logger, serving, stop.Token).GetAwaiter().GetResult();

        // qemu-ga's cleanup_agent: an agent that exits while frozen (a channel error) thaws first.
        services.GetRequired<Freezer>().CleanupAtExit();
        return exitCode;
    }

    /// <summary>The agent's singletons that generated constructors may ask for.</summary>
    private static AgentServices CreateServices(AgentOptions options, AgentLogger logger, FrozenState frozen, HookCatalog hooks, CommandTable table, ResponseDelimiter delimiter)
    {
        var services = new AgentServices();
        services.Add(options);
        services.Add(logger);
        services.Add(frozen);
        services.Add(hooks);
        services.Add(new HookHost(options, logger));
        services.Add(new Freezer(frozen, logger, options));
        services.Add(table);
        services.Add(delimiter);
        return services;
    }

    /// <summary>Every command name in registration order, for <c>-b help</c> (qemu-ga prints its schema order).</summary>
    private static List<string> CommandNames(IReadOnlyList<IQgaModule> modules, HookCatalog hooks)
    {
        var options = new AgentOptions();
        var table = new CommandTable();
        var services = CreateServices(options, new AgentLogger(), new FrozenState(), hooks, table, new ResponseDelimiter());
        foreach (var module in modules)
        {
            module.RegisterCommands(table, services);
        }

        var names = new List<string>(table.Commands.Count);
        foreach (var command in table.Commands)
        {
            names.Add(command.Name);
        }

        return names;
    }

    /// <summary>qemu-ga's <c>QGA_RETRY_INTERVAL</c>: the pause before <c>--retry-path</c> sets the channel up again.</summary>
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// qemu-ga's <c>run_agent</c>: set the channel up and serve it. When the channel cannot be set up or fails while
    /// reading, the agent exits with status 1, or with <c>-r</c> logs, waits 5 s and sets it up again.
    /// A stop signal ends it with status 0.
    /// </summary>
    private static async Task<int> RunLoopAsync(AgentOptions options, AgentLoop loop, AgentLogger logger, ServingReport serving, CancellationToken stop)
    {
        while (true)
        {
            try
            {
                using var transport = TransportSelection.Create(options);
                if (!serving.ChannelOpened())
                {
                    return 1;
                }

                await loop.RunAsync(transport, stop).ConfigureAwait(false);
                return 0;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return 0;
            }
            catch (TransportSetupException e)
            {
                foreach (var line in e.Lines)
                {
                    logger.Critical(line);
                }
            }
            catch (Exception e) when (e is System.IO.IOException or System.Net.Sockets.SocketException)
            {
                logger.Warning(AgentTexts.ErrorReadingChannel);
                logger.Debug(e.Message);
            }

            if (!options.RetryPath)
            {
                return 1;
            }

            logger.Warning(AgentTexts.StoppedUnexpectedly);
            logger.Warning(AgentTexts.WaitingForChannelPath);
            try
            {
                await Task.Delay(RetryInterval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }
    }
}
