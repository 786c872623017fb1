using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Activities.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Activities.Pages;

/// <summary>The activity statement as CSV for a signed-in member, manager or staff (same scope as the page).</summary>
public sealed class StatementCsvModel(GetActivityStatement statements) : PartagePageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? from, string? to, CancellationToken ct)
    {
        await LoadActorAsync();
        try
        {
            var statement = await statements.HandleAsync(new ActivityId(id), from, to, null, Actor, ct);
            var buffer = new MemoryStream();
            await GetActivityStatement.WriteCsvAsync(statement, buffer, ct);
            buffer.Position = 0;
            return File(buffer, "text/csv; charset=utf-8", $"releve-{id}.csv");
        }
        catch (DomainException e) when (e.Error.Kind == ErrorKind.NotFound)
        {
            return NotFound();
        }
        catch (InputValidationException)
        {
            return BadRequest();
        }
    }
}
