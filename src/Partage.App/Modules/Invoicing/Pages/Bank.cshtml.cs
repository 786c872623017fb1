using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Invoicing.Pages;

/// <summary>Finance's bank page: import a camt.053 statement, then match by hand what waits on the suspense account.</summary>
public sealed class BankModel(ImportBankStatement import, ListUnmatchedBankLines unmatched, MatchBankLine match, SuggestBankMatches suggest, ListBankStatements statements) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string Entity { get; set; } = "SCIC";

    [BindProperty]
    public IFormFile? Statement { get; set; }

    [BindProperty]
    public Guid LineId { get; set; }

    [BindProperty]
    public MatchInput Match { get; set; } = new(null, null);

    // Not "page": Razor Pages keeps that route value for the page's own path.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public PagedResult<UnmatchedLine>? Waiting { get; private set; }

    /// <summary>Per waiting receipt, the invoices it most likely pays (one click to match).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<MatchSuggestion>> Suggestions { get; private set; } = new Dictionary<Guid, IReadOnlyList<MatchSuggestion>>();

    [BindProperty(SupportsGet = true, Name = "r")]
    public int? StatementsPage { get; set; }

    public PagedResult<StatementSummary>? Statements { get; private set; }

    public string StatementsPageUrl(int page) => $"/banque?r={page}#statements-title";

    public string? Notice { get; private set; }

    public string PageUrl(int page) => $"/banque?p={page}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        return await LoadAsync(() => ShowAsync(ct));
    }

    public Task<IActionResult> OnPostImportAsync(CancellationToken ct) => RunAsync(async () =>
    {
        if (Statement is null || Statement.Length == 0)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["File"] = ["Choisissez le fichier du relevé (camt.053)."] });
        }

        await using var stream = Statement.OpenReadStream();
        var result = await import.HandleAsync(Entity, stream, Actor, ct);
        return result.AlreadyImported
            ? $"Le relevé {result.StatementId} a déjà été importé : rien n'a changé."
            : $"Relevé {result.StatementId} : {result.Credits} encaissements ({result.Total.ToDisplayString()}), {result.Matched} rapprochés, {result.PartlyMatched} en partie, {result.Unmatched} à identifier ; {result.Ignored} écritures ignorées (débits ou non comptabilisées).";
    }, ct);

    public Task<IActionResult> OnPostMatchAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var left = await match.HandleAsync(LineId, Match, Actor, ct);
        return left is null ? $"Encaissement affecté à la facture {Match.InvoiceNumber}." : $"Affecté en partie ; reste à identifier : {left.Unmatched.ToDisplayString()}.";
    }, ct);

    private async Task<IActionResult> RunAsync(Func<Task<string>> action, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () => Redirect($"/banque?entity={Uri.EscapeDataString(Entity)}&fait={Uri.EscapeDataString(await action())}"), string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(() => ShowAsync(ct)) : result;
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Waiting = await unmatched.HandleAsync(new PageRequest(PageNumber, 50), Actor, ct);
        Suggestions = await suggest.HandleAsync(Waiting.Items, Actor, ct);
        Statements = await statements.HandleAsync(new PageRequest(StatementsPage, 20), Actor, ct);
    }
}
