using System;

namespace QgaKit.Dispatch;

// Read by dispatch (the frozen filter) and hosting (signals deferred while frozen); only Freezing changes it.

/// <summary>Whether the agent is in frozen state (qemu-ga's <c>frozen</c> flag). Only the freezing code changes it.</summary>
[AgentService]
public sealed partial class FrozenState
{
    /// <summary>True between a freeze that froze something (or a start-up that found the state file) and the next thaw.</summary>
    public bool IsFrozen { get; private set; }

    /// <summary>Raised after <see cref="IsFrozen"/> changed (the dispatcher re-applies command filters, the logger holds/releases).</summary>
    public event Action<bool>? Changed;

    public void Enter()
    {
        if (!IsFrozen)
        {
            IsFrozen = true;
            Changed?.Invoke(true);
        }
    }

    public void Leave()
    {
        if (IsFrozen)
        {
            IsFrozen = false;
            Changed?.Invoke(false);
        }
    }
}
