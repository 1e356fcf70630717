using System.Threading;
using System.Threading.Tasks;
using QgaKit.Hooks;

namespace QgaKit.Commands;

// TEMPORARY (freezing): the class the generator will emit for FsfreezeHookArg, with the same members as the
// generator branch's HookEmitter. Delete this file once `git merge generator` generates it (CS0101 says when).

/// <summary>Runs the <c>fsfreeze</c> hook executable with the arguments of <see cref="FsfreezeHookArg"/>.</summary>
public sealed class FsfreezeHook : HookBase
{
    /// <summary>The hook's name and default path, as registered with the agent.</summary>
    public static new readonly HookDefinition Definition = new("fsfreeze", "/etc/qemu/fsfreeze-hook");

    public FsfreezeHook(HookHost host)
        : base(Definition, host)
    {
    }

    public static string ToArgument(FsfreezeHookArg argument) => argument switch
    {
        FsfreezeHookArg.Thaw => "thaw",
        FsfreezeHookArg.Freeze => "freeze",
        _ => throw new System.ArgumentOutOfRangeException(nameof(argument), argument, null),
    };

    public void Execute(FsfreezeHookArg argument) => Run(ToArgument(argument));

    public Task ExecuteAsync(FsfreezeHookArg argument, CancellationToken cancellationToken = default) => RunAsync(ToArgument(argument), cancellationToken);

    public void ExecuteThaw() => Run("thaw");

    public Task ExecuteThawAsync(CancellationToken cancellationToken = default) => RunAsync("thaw", cancellationToken);

    public void ExecuteFreeze() => Run("freeze");

    public Task ExecuteFreezeAsync(CancellationToken cancellationToken = default) => RunAsync("freeze", cancellationToken);
}
