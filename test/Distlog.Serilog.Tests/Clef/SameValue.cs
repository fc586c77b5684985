using Distlog.Serilog.Tests.Support;
using Serilog.Events;

namespace Distlog.Serilog.Tests.Clef;

/// <summary>Compares property values across a CLEF round trip.</summary>
static class SameValue
{
    /// <summary>
    /// The read value is the written one as CLEF can carry it: scalars that Serilog's own JSON formatter writes
    /// alike (an int and the long it is read as; a date and its string), and the same shape around them. A
    /// dictionary may come back as a structure, as CLEF does not tell them apart.
    /// </summary>
    public static void Assert(LogEventPropertyValue expected, LogEventPropertyValue actual, string path)
    {
        switch (expected)
        {
            case ScalarValue:
                NUnit.Framework.Assert.That(actual, Is.InstanceOf<ScalarValue>(), path);
                NUnit.Framework.Assert.That(ClefLine.SerilogValueJson(actual), Is.EqualTo(ClefLine.SerilogValueJson(expected)), path);
                break;
            case SequenceValue sequence:
                var elements = ((SequenceValue)actual).Elements;
                NUnit.Framework.Assert.That(elements, Has.Count.EqualTo(sequence.Elements.Count), path);
                for (var i = 0; i < elements.Count; i++)
                    Assert(sequence.Elements[i], elements[i], $"{path}[{i}]");
                break;
            case StructureValue structure:
                var read = (StructureValue)actual;
                NUnit.Framework.Assert.That(read.TypeTag, Is.EqualTo(structure.TypeTag), path);
                NUnit.Framework.Assert.That(read.Properties.Select(p => p.Name), Is.EqualTo(structure.Properties.Select(p => p.Name)), path);
                for (var i = 0; i < read.Properties.Count; i++)
                    Assert(structure.Properties[i].Value, read.Properties[i].Value, $"{path}.{read.Properties[i].Name}");
                break;
            case DictionaryValue dictionary:
                var members = ((StructureValue)actual).Properties;
                NUnit.Framework.Assert.That(members.Select(p => p.Name), Is.EqualTo(dictionary.Elements.Keys.Select(k => k.Value?.ToString())), path);
                foreach (var member in members)
                    Assert(dictionary.Elements.Single(e => e.Key.Value?.ToString() == member.Name).Value, member.Value, $"{path}.{member.Name}");
                break;
        }
    }

    /// <summary>The values are of the same kinds and equal, scalars of the same .NET type.</summary>
    public static void AssertIdentical(LogEventPropertyValue expected, LogEventPropertyValue actual, string path)
    {
        NUnit.Framework.Assert.That(actual.GetType(), Is.EqualTo(expected.GetType()), path);
        if (expected is ScalarValue { Value: var value })
        {
            NUnit.Framework.Assert.That(((ScalarValue)actual).Value, Is.EqualTo(value), path);
            NUnit.Framework.Assert.That(((ScalarValue)actual).Value?.GetType(), Is.EqualTo(value?.GetType()), path);
        }
        else
        {
            Assert(expected, actual, path);
        }
    }
}
