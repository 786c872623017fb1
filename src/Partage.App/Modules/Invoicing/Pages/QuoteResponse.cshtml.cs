using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Invoicing.Pages;

/// <summary>The client's page behind the signed link of a quote: read it, accept ("bon pour accord") or refuse. No account needed.</summary>
[AllowAnonymous]
public sealed class QuoteResponseModel(AnswerQuote answer) : PartagePageModel
{
    public QuoteView? Quote { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        Quote = await answer.FindAsync(token, ct);
        return Quote is null ? NotFound() : Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(string token, CancellationToken ct) => RespondAsync(token, accept: true, ct);

    public Task<IActionResult> OnPostRefuseAsync(string token, CancellationToken ct) => RespondAsync(token, accept: false, ct);

    private async Task<IActionResult> RespondAsync(string token, bool accept, CancellationToken ct)
    {
        Quote = await answer.FindAsync(token, ct);
        if (Quote is null)
        {
            return NotFound();
        }

        return await TryAsync(async () =>
        {
            Quote = await answer.HandleAsync(token, accept, Name, HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
            Done = accept ? $"Merci : le devis {Quote.Number} est accepté (bon pour accord de {Quote.RespondentName})." : $"Le devis {Quote.Number} est refusé. Merci de votre réponse.";
            return Page();
        }, string.Empty);
    }
}
