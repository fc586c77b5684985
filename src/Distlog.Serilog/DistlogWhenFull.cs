namespace Serilog;

/// <summary>What <c>WriteTo.Distlog()</c> does with an event when its queue is full.</summary>
public enum DistlogWhenFull
{
    /// <summary>Drop the event, count it and report the count through <c>SelfLog</c>. Logging never waits. The default.</summary>
    Drop,

    /// <summary>Wait until the background worker frees a place: nothing is lost, and the app slows to the collector's pace.</summary>
    Block,
}
