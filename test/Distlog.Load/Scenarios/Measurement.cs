namespace Distlog.Load.Scenarios;

/// <summary>One run against one receiver: its speed (NaN when it never completed), what arrived, and what it cost the receiver.</summary>
sealed record Measurement(double Rate, bool Ok, string Arrived, double ReceiverCpuPerMillion, long ReceiverPeakRss, string? Failure = null)
{
    /// <summary>The --diagnose line of the receiver, when asked for.</summary>
    public string? Diagnostics { get; init; }
}
