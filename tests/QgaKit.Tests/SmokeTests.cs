using QgaKit.Dispatch;
using Xunit;

namespace QgaKit.Tests;

public class SmokeTests
{
    [Fact]
    public void Registering_a_command_twice_is_refused()
    {
        var table = new CommandTable();
        table.Register(new CommandDefinition("guest-x", _ => default));
        Assert.Throws<System.InvalidOperationException>(() => table.Register(new CommandDefinition("guest-x", _ => default)));
    }
}
