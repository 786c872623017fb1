using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Invoicing.Pages;

/// <summary>The client's page behind the signed link of a quote: read it, accept ("bon pour accord") or refuse. No account needed.</summary>
[AllowAnonymous]
public sealed class QuoteResponseModel(AnswerQuote answer, GetQuotePdf pdfs, LegalEntities.ILegalEntitiesApi entities, Activities.IActivitiesApi activities) : PartagePageModel
{
    public QuoteView? Quote { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    public string? Done { get; private set; }

    /// <summary>The seller as the client reads it: the cooperative's entity, for the member's activity.</summary>
    public LegalEntities.LegalEntityView? Seller { get; private set; }

    public string? ActivityName { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Quote = await answer.FindAsync(token, ct);
        return Quote is null ? NotFound() : await ShowAsync(ct);
    }

    /// <summary>The quote as a PDF, behind the same signed link.</summary>
    public async Task<IActionResult> OnGetPdfAsync(string token, CancellationToken ct) =>
        await pdfs.ForClientAsync(token, ct) is { } file ? File(file.Content, "application/pdf", file.Name) : NotFound();

    public Task<IActionResult> OnPostAcceptAsync(string token, CancellationToken ct) => RespondAsync(token, accept: true, ct);

    public Task<IActionResult> OnPostRefuseAsync(string token, CancellationToken ct) => RespondAsync(token, accept: false, ct);

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Seller = (await entities.ListAsync(ct)).SingleOrDefault(e => e.Code == Quote!.EntityCode);
        ActivityName = (await activities.NamesAsync([Quote!.ActivityId], ct)).GetValueOrDefault(Quote.ActivityId);
        return Page();
    }

    private async Task<IActionResult> RespondAsync(string token, bool accept, CancellationToken ct)
    {
        Quote = await answer.FindAsync(token, ct);
        if (Quote is null)
        {
            return NotFound();
        }

        var result = await TryAsync(async () =>
        {
            Quote = await answer.HandleAsync(token, accept, Name, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
            Done = accept ? $"Merci : le devis {Quote.Number} est accepté (bon pour accord de {Quote.RespondentName})." : $"Le devis {Quote.Number} est refusé. Merci de votre réponse.";
            return await ShowAsync(ct);
        }, string.Empty);

        // A refused answer shows the quote again, with its seller.
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult && Seller is null ? await ShowAsync(ct) : result;
    }
}
