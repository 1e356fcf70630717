using System.IO;
using System.Text;
using QgaKit.Hosting;

namespace DatabaseQuiesce;

/// <summary>
/// Hands the session to the hook. A hook gets nothing but its argument (argv[1]), so the agent writes the rest to
/// <c>&lt;state-dir&gt;/db-quiesce.session</c> as <c>key=value</c> lines a shell reads easily:
/// <code>
/// session-id=5f0c9e21
/// label=nightly
/// mode=read-lock
/// database=sales
/// database=crm
/// </code>
/// The state dir (<c>-t</c>) is where qemu-ga keeps its own freeze state; its default, <c>/var/run</c>, is a
/// tmpfs, which a freeze never blocks, so <c>guest-db-abort</c> can remove the file while frozen.
/// </summary>
internal sealed class SessionFile(AgentOptions options)
{
    public string Path { get; } = System.IO.Path.Combine(options.StateDir, "db-quiesce.session");

    public void Write(DbSession session)
    {
        var text = new StringBuilder()
            .Append("session-id=").Append(session.SessionId).Append('\n')
            .Append("label=").Append(session.Label).Append('\n')
            .Append("mode=").Append(session.Mode == QuiesceMode.FlushOnly ? "flush-only" : "read-lock").Append('\n');
        foreach (var database in session.Databases)
        {
            text.Append("database=").Append(database).Append('\n');
        }

        File.WriteAllText(Path, text.ToString());
    }

    public void Delete() => File.Delete(Path);
}
