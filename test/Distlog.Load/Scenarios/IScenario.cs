using Distlog.Load.Harness;

namespace Distlog.Load.Scenarios;

/// <summary>One scenario of issue 5's load harness: runs its measurements <see cref="LoadOptions.Runs"/> times and reports.</summary>
interface IScenario
{
    int Number { get; }

    ReportSection Run(LoadOptions options);
}
