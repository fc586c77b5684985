namespace Distlog.Load.Harness;

/// <summary>One line per finished measurement on stderr, so a long run shows where it is.</summary>
static class Progress
{
    public static void Write(string line) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");
}
