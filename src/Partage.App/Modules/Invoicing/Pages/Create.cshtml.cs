using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Clients;
using Partage.App.Modules.Invoicing.Features;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Pages;

/// <summary>A new draft or quote: the activity (the member's own, or any the user may invoice for), the client, the lines.</summary>
public sealed class CreateModel(CreateInvoiceDraft createDraft, CreateQuote createQuote, IActivitiesApi activities, IClientsApi clients) : DraftEditorModel(clients)
{
    public IReadOnlyList<ActivityView> Activities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? activity, string? client, CancellationToken ct)
    {
        await LoadActorAsync();
        Input.ActivityId = activity;
        Input.ClientId = client;
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () => Redirect($"/factures/{(await createDraft.HandleAsync(Input.ToInput(), Actor, ct)).Id}"));
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await ShowAsync(ct) : result;
    }

    public async Task<IActionResult> OnPostQuoteAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var quote = await createQuote.HandleAsync(new QuoteInput(Input.ToInput(), Input.ValidUntil), Actor, ct);
            return Redirect($"/devis?fait={Uri.EscapeDataString($"Devis {quote.Number} enregistré.")}");
        });
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await ShowAsync(ct) : result;
    }

    public async Task<IActionResult> OnPostAddLineAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        return await AddLineAsync(ShowAsync, ct);
    }

    public async Task<IActionResult> OnPostAddUsualLineAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        return await AddUsualLineAsync(ShowAsync, ct);
    }

    public async Task<IActionResult> OnPostRemoveLineAsync(int remove, CancellationToken ct)
    {
        await LoadActorAsync();
        return await RemoveLineAsync(remove, ShowAsync, ct);
    }

    public async Task<IActionResult> OnPostFindClientAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        return await FindClientAsync(ShowAsync, ct);
    }

    private Task<IActionResult> ShowAsync(CancellationToken ct) => LoadAsync(async () =>
    {
        if (Actor.MemberId is { } member)
        {
            Activities = (await activities.ListForMemberAsync(member, Actor, ct)).Where(a => a.Status == ActivityStatus.Active).ToList();
        }
        else if (Input.ActivityId is not null && Guid.TryParse(Input.ActivityId, out var id) && await activities.FindVisibleAsync(ActivityId.From(id), Actor, ct) is { } one)
        {
            Activities = [one];
        }

        await LoadEditorAsync(ct);
    });
}
