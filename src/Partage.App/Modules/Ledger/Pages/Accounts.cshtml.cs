using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Partage.App.Infrastructure;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Ledger.Pages;

/// <summary>An entity's chart of accounts: general accounts, search among the auxiliary ones, and a form to add an account.</summary>
public sealed class AccountsModel(SearchAccounts searchAccounts, AddAccount addAccount) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string Entity { get; set; } = "SCIC";

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    // Not "page": Razor Pages keeps that route value for the page's own path.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    [BindProperty]
    public NewAccountInput Input { get; set; } = new(null, null, null);

    public PagedResult<AccountListItem>? Accounts { get; private set; }

    public string? Notice { get; private set; }

    public string PageUrl(int page) => $"/comptabilite/comptes?entity={Entity}&q={Uri.EscapeDataString(Search ?? string.Empty)}&p={page}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var account = await addAccount.HandleAsync(Input with { Entity = Entity }, Actor, ct);
            return Redirect($"/comptabilite/comptes?entity={Entity}&fait={Uri.EscapeDataString($"Compte {account.Number} — {account.Label} ajouté.")}");
        });
        return result is PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Entity = BooksModel.EntityCode(Entity);
        Accounts = await searchAccounts.HandleAsync(Entity, Search, new PageRequest(PageNumber, 100), Actor, ct);
    }
}
