using Distlog.Load;
using Distlog.Load.Children;
using Distlog.Load.Harness;

// `run` (the default) is the harness; the other roles are its child processes.
try
{
    var role = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "run";
    var rest = args.Length > 0 && role == args[0] ? args[1..] : args;
    if (role is not ("run" or "-h" or "--help" or "help"))
        ChildConsole.Start();
    return role switch
    {
        "run" => LoadCommand.Run(LoadOptions.Parse(rest)),
        "produce" => ProduceCommand.Run(new ChildArguments(rest)),
        "consume" => ConsumeCommand.Run(new ChildArguments(rest)),
        "app" => AppCommand.Run(new ChildArguments(rest)),
        "sqlite-raw" => SqliteRawCommand.Run(new ChildArguments(rest)),
        "sqlite-direct" => SqliteDirectCommand.Run(new ChildArguments(rest)),
        "redis-raw" => RedisRawCommand.Run(new ChildArguments(rest)),
        "-h" or "--help" or "help" => Help(),
        _ => throw new LoadException($"Unknown role '{role}'.\n{LoadOptions.Usage}"),
    };
}
catch (LoadException ex)
{
    Console.Error.WriteLine("load: " + ex.Message);
    return 2;
}

static int Help()
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}
