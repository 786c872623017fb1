using Partage.App.Cli;
using Partage.App.Infrastructure;

if (PartageCommandLine.Handles(args))
{
    return await PartageCommandLine.RunAsync(args);
}

var app = PartageHost.Build(PartageHost.CreateBuilder(args));
await PartageHost.PrepareAsync(app);
await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
