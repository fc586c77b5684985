using System.Text;
using Serilog.Events;

namespace Distlog.Serilog.Tests.Clef;

/// <summary>Random property values of every kind, for round-trip tests.</summary>
static class RandomValues
{
    public static string Name(Random random) => random.Next(6) switch
    {
        0 => "@" + Text(random, 5),
        1 => "@@" + Text(random, 3),
        _ => "P" + Text(random, 8),
    };

    public static LogEventPropertyValue Value(Random random, int depth)
    {
        var kind = random.Next(depth > 4 ? 12 : 16);
        return kind switch
        {
            0 => new ScalarValue(null),
            1 => new ScalarValue(random.Next(2) == 0),
            2 => new ScalarValue(random.Next(int.MinValue, int.MaxValue)),
            3 => new ScalarValue(random.NextInt64(long.MinValue, long.MaxValue)),
            4 => new ScalarValue(BitConverter.Int64BitsToDouble(random.NextInt64())),
            5 => new ScalarValue(random.NextDouble() * Math.Pow(10, random.Next(-10, 30))),
            6 => new ScalarValue((float)(random.NextDouble() * 1000)),
            7 => new ScalarValue(new decimal(random.Next(), random.Next(), random.Next(), random.Next(2) == 0, (byte)random.Next(29))),
            8 => new ScalarValue((ulong)random.NextInt64() * 2),
            9 or 10 => new ScalarValue(Text(random, 40)),
            11 => new ScalarValue(new DateTime(random.NextInt64(DateTime.MaxValue.Ticks), DateTimeKind.Utc)),
            12 or 13 => new SequenceValue(Enumerable.Range(0, random.Next(4)).Select(_ => Value(random, depth + 1)).ToArray()),
            14 => new StructureValue(Enumerable.Range(0, random.Next(4)).Select(i => new LogEventProperty($"M{i}", Value(random, depth + 1))).ToArray(),
                random.Next(2) == 0 ? null : "Type" + Text(random, 4)),
            _ => new DictionaryValue(Enumerable.Range(0, random.Next(4)).Select(i =>
                new KeyValuePair<ScalarValue, LogEventPropertyValue>(new ScalarValue(i == 0 ? "" : "k" + i), Value(random, depth + 1))).ToArray()),
        };
    }

    /// <summary>Text with control characters, quotes, non-ASCII, non-BMP and (rarely) an unpaired surrogate.</summary>
    static string Text(Random random, int maxLength)
    {
        var text = new StringBuilder();
        for (var i = random.Next(maxLength); i > 0; i--)
        {
            text.Append(random.Next(10) switch
            {
                0 => ((char)random.Next(0, 32)).ToString(),
                1 => "\"\\{}",
                2 => "é€",
                3 => "😀",
                4 => random.Next(20) == 0 ? "\ud800" : "x",
                _ => ((char)random.Next('a', 'z' + 1)).ToString(),
            });
        }

        return text.ToString();
    }
}
