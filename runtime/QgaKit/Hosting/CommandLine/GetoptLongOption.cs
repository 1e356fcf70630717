namespace QgaKit.Hosting.CommandLine;

/// <summary>One entry of getopt_long's <c>struct option</c> table.</summary>
/// <param name="Name">Long name without the leading <c>--</c>.</param>
/// <param name="Argument">Whether it takes an argument.</param>
/// <param name="Id">What the parser reports (qemu-ga's short option character, or an id of ours above 255).</param>
/// <param name="Tier">Prefix priority: an abbreviation is resolved among the lowest tier that has a match, so options
/// added later (qemu-ga 10.2's, then the kit's) never make an abbreviation that qemu-ga 7.2 accepts ambiguous.</param>
public sealed record GetoptLongOption(string Name, GetoptArgument Argument, int Id, int Tier = 0);
