using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Activities.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Activities.Pages;

/// <summary>The activity statement as CSV for a signed-in member, manager or staff (same scope as the page).</summary>
public sealed class StatementCsvModel(GetActivityStatement statements) : PartagePageModel
{
    public Task<IActionResult> OnGetAsync(Guid id, string? from, string? to, CancellationToken ct) => DownloadAsync(async () =>
    {
        var statement = await statements.HandleAsync(new ActivityId(id), from, to, null, Actor, ct);
        var buffer = new MemoryStream();
        await GetActivityStatement.WriteCsvAsync(statement, buffer, ct);
        buffer.Position = 0;
        return File(buffer, "text/csv; charset=utf-8", $"releve-{id}.csv");
    });
}
