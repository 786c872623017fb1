using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Activities;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Ledger.Pages;

/// <summary>The activity statement as PDF for a signed-in member, manager or staff (same scope as the page).</summary>
public sealed class StatementPdfModel(IActivitiesApi activities, ILedgerApi ledger, TimeProvider clock) : PartagePageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? from, string? to, CancellationToken ct)
    {
        await LoadActorAsync();
        try
        {
            return File(await LedgerModule.StatementPdfAsync(id, from, to, activities, ledger, Actor, clock, ct), "application/pdf", $"releve-{id}.pdf");
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
