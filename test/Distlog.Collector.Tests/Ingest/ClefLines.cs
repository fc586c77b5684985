namespace Distlog.Collector.Tests.Ingest;

/// <summary>CLEF lines at the edges of the rules, valid and not, for the scanner tests.</summary>
static class ClefLines
{
    const string At = "\"@t\":\"2024-05-01T12:00:00Z\"";

    /// <summary>Valid lines the scanner decides itself.</summary>
    public static readonly string[] Valid =
    [
        "{" + At + ",\"@mt\":\"m\"}",
        "\uFEFF {" + At + "}\r\n",
        "  {\"@t\":\"2024-05-01T12:00:00.1234567+02:00\",\"@l\":\"warn\",\"@x\":\"boom\\n  at X\",\"Application\":\"orders\"," +
            "\"TaskKey\":\"3@4bf92f3577b34da6a3ce929d0e0e4736/1/2\"}\t",
        "{\"@t\":null,\"@t\":\"2024-05-01 12:00\",\"@l\":\"Error\",\"@l\":null,\"@x\":\"gone\",\"@x\":null,\"@mt\":null,\"@m\":\"hi {x}\"}",
        "{" + At + ",\"Application\":\"a\",\"Application\":7,\"TaskKey\":\"1@r\",\"TaskKey\":[1]}",
        "{" + At + ",\"Application\":1,\"Application\":\"b\",\"@@Application\":\"x\",\"@Application\":\"y\",\"@@TaskKey\":\"2@s\"}",
        "{" + At + ",\"Appl\\u0069cation\":\"caf\\u00e9 \\\"q\\\"\",\"Task\\u004bey\":\"1@r/2\",\"\\u0040l\":\"Fatal\"}",
        "{" + At + ",\"@mt\":\"{A:0.0} {Application:l}\",\"@r\":[\"1.0\",\"x\"],\"A\":1,\"Application\":\"x\",\"@i\":\"abcd1234\"," +
            "\"@tr\":\"4BF92F3577B34DA6A3CE929D0E0E4736\",\"@sp\":\"00f067aa0ba902b7\"}",
        "{" + At + ",\"@i\":42,\"@l\":\"CRITICAL\",\"d\":{\"$type\":\"T\",\"a\":[1,{\"b\":null}],\"\":{\"x\":true}},\"s\":[[[]]],\"n\":-0}",
        "{" + At + ",\"@x\":\"\",\"TaskKey\":null,\"@r\":null,\"@i\":null,\"@tr\":null,\"@sp\":null,\"@unknown\":{\"a\":1e400}}",
        "{" + At + ",\"d\":" + new string('[', 63) + new string(']', 63) + "}",
        "{" + At + Members(ClefReaderBound - 1) + "}",
        "{" + At + ",\"o\":{" + Members(ClefReaderBound)[1..] + "}}",
    ];

    /// <summary>Invalid lines: the reader rejects each.</summary>
    public static readonly string[] Invalid =
    [
        "", "   ", "{}", "[1]", "x{}", "{" + At, "{" + At + "} x", "{" + At + ",}", "{'a':1}", "{" + At + ",\"s\":\"a\u0001b\"}",
        "{\"@t\":1}", "{\"@t\":\"yesterday\"}", "{\"@t\":\"2024-02-30T00:00:00Z\"}", "{\"@t\":null}", "{\"@mt\":\"m\"}",
        "{" + At + ",\"@l\":\"Loud\"}", "{" + At + ",\"@l\":3}", "{" + At + ",\"@mt\":7}", "{" + At + ",\"@m\":{}}",
        "{" + At + ",\"@x\":true}", "{" + At + ",\"@tr\":\"xyz\"}", "{" + At + ",\"@tr\":\"" + new string('0', 32) + "\"}",
        "{" + At + ",\"@sp\":\"\\u0030" + new string('1', 15) + "\"}", "{" + At + ",\"@r\":\"a\"}", "{" + At + ",\"@r\":[1]}",
        "{" + At + ",\"@i\":{}}", "{" + At + ",\"@i\":[1]}", "{" + At + ",\"v\":\"\\ud800\"}", "{" + At + ",\"\\udc00x\":1}",
        "{" + At + ",\"@mt\":\"\\udfff\"}", "{" + At + ",\"Application\":\"\\ud800\"}", "{" + At + ",\"o\":{\"a\":[\"\\ud800\"]}}",
        "{" + At + ",\"d\":" + new string('[', 64) + new string(']', 64) + "}",
        "{" + At + Members(ClefReaderBound) + "}",
        "{" + At + ",\"o\":{" + Members(ClefReaderBound + 1)[1..] + "}}",
    ];

    const int ClefReaderBound = Distlog.Clef.ClefReader.MaxProperties;

    static string Members(int count) => string.Concat(Enumerable.Range(0, count).Select(i => $",\"p{i}\":{i}"));
}
