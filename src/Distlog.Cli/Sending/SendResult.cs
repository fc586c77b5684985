namespace Distlog.Cli.Sending;

/// <summary>What <see cref="ClefSender"/> did.</summary>
/// <param name="Events">Events sent.</param>
/// <param name="Messages">ZeroMQ messages (batches) sent.</param>
/// <param name="InvalidLines">Lines skipped as invalid (<c>--invalid-data ignore|report</c>).</param>
sealed record SendResult(long Events, long Messages, long InvalidLines);
