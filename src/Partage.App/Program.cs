using Partage.App.Cli;
using Partage.App.Infrastructure;

if (PartageCommandLine.Handles(args))
{
    return await PartageCommandLine.RunAsync(args);
}

WebApplication app;
try
{
    app = PartageHost.Build(PartageHost.CreateBuilder(args));
    await PartageHost.PrepareAsync(app);
}
catch (StartupRefusedException refused)
{
    await Console.Error.WriteLineAsync(refused.Message);
    return 1;
}

await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
