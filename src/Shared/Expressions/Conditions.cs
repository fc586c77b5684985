using Serilog.Expressions;

namespace Distlog.Expressions;

/// <summary>Serilog.Expressions conditions as distlogd's <c>filter.expression</c> and <c>distlog --filter</c> take them.</summary>
static class Conditions
{
    /// <summary>Compiles <paramref name="text"/>; false with the parser's message where it is not a condition.</summary>
    public static bool TryCompile(string text, out CompiledExpression? compiled, out string? error)
    {
        try
        {
            return SerilogExpression.TryCompile(text, out compiled, out error);
        }
        catch (ArgumentException ex)
        {
            // An unknown function is thrown, not returned, by TryCompile.
            (compiled, error) = (null, ex.Message);
            return false;
        }
    }
}
