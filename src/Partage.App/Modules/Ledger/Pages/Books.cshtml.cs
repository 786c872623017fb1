using Partage.App.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Ledger.Pages;

/// <summary>The finance staff's page for one entity: fiscal years, month closing, manual entries, trial balance, FEC.</summary>
public sealed class BooksModel(ListFiscalYears fiscalYears, OpenFiscalYear openYear, CloseMonth closeMonth, ManualEntry manualEntry, GetTrialBalance trialBalance, CheckBooks checkBooks, FecExport fec, IActivityDirectory activities, LedgerEntities entities, TimeProvider clock) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string Entity { get; set; } = "SCIC";

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty]
    public string? Period { get; set; }

    [BindProperty]
    public string? StartsOn { get; set; }

    [BindProperty]
    public string? EndsOn { get; set; }

    [BindProperty]
    public string? IdempotencyKey { get; set; }

    [BindProperty]
    public string? EntryDate { get; set; }

    [BindProperty]
    public string Journal { get; set; } = "OD";

    [BindProperty]
    public string? EntryLabel { get; set; }

    [BindProperty]
    public string? PieceRef { get; set; }

    [BindProperty]
    public List<LineForm> Lines { get; set; } = [];

    public string? Notice { get; private set; }

    public IReadOnlyList<FiscalYearView> Years { get; private set; } = [];

    /// <summary>The ended months not closed yet, oldest first: the choices of "Clôturer le mois".</summary>
    public IReadOnlyList<PayPeriod> ToClose => [.. Years.SelectMany(y => y.MonthsToClose(clock.Today())).OrderBy(m => m.Year).ThenBy(m => m.Month)];

    public TrialBalance? Balance { get; private set; }

    /// <summary>The entity's activities, as the entry lines' picker offers them.</summary>
    public IReadOnlyList<ActivityChoice> Activities { get; private set; } = [];

    public BookCheck? Check { get; private set; }

    public sealed class LineForm
    {
        public string? Account { get; set; }

        public string? Side { get; set; }

        public string? Amount { get; set; }

        public string? ActivityId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await AllowedAsync())
        {
            return NotFound();
        }

        IdempotencyKey = Guid.NewGuid().ToString("N");
        Notice = Request.Query["fait"].FirstOrDefault();
        return await ShowAsync(ct);
    }

    public Task<IActionResult> OnPostCloseMonthAsync(CancellationToken ct) => RunAsync(async () =>
    {
        await closeMonth.HandleAsync(Entity, Period ?? string.Empty, Actor, ct);
        return $"{French.Month(Period ?? string.Empty)} est clôturé pour {Entity}.";
    }, ct);

    public Task<IActionResult> OnPostOpenYearAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var year = await openYear.HandleAsync(new OpenFiscalYearInput(Entity, StartsOn, EndsOn), Actor, ct);
        return $"Exercice ouvert du {year.StartsOn:dd/MM/yyyy} au {year.EndsOn:dd/MM/yyyy}.";
    }, ct);

    public Task<IActionResult> OnPostEntryAsync(CancellationToken ct) => RunAsync(async () =>
    {
        var choices = await activities.ChoicesAsync(await entities.ByCodeAsync(Entity, ct), ct);
        var v = new Validation();
        var lines = Lines.Where(l => !string.IsNullOrWhiteSpace(l.Account) || !string.IsNullOrWhiteSpace(l.Amount))
            .Select((l, i) => new ManualLineInput(l.Account, null, l.Side, l.Amount, ActivityOf(l.ActivityId, choices, i, v), null)).ToList();
        v.ThrowIfInvalid();
        var entry = await manualEntry.HandleAsync(new ManualEntryInput(Entity, Journal, EntryDate, EntryLabel, PieceRef, lines), IdempotencyKey, Actor, ct);
        return $"Écriture {entry.Journal}-{entry.Number} passée.";
    }, ct);

    public Task<IActionResult> OnGetBalanceCsvAsync(CancellationToken ct) => BalanceFileAsync(GetTrialBalance.WriteCsvAsync, "text/csv; charset=utf-8", "csv", ct);

    public Task<IActionResult> OnGetBalanceXlsxAsync(CancellationToken ct) => BalanceFileAsync(GetTrialBalance.WriteXlsxAsync, SpreadsheetXlsx.ContentType, "xlsx", ct);

    private async Task<IActionResult> BalanceFileAsync(Func<TrialBalance, Stream, CancellationToken, Task> write, string contentType, string extension, CancellationToken ct)
    {
        if (!await AllowedAsync())
        {
            return NotFound();
        }

        try
        {
            var balance = await trialBalance.HandleAsync(Entity, From, To, Actor, ct);
            var buffer = new MemoryStream();
            await write(balance, buffer, ct);
            buffer.Position = 0;
            return File(buffer, contentType, $"balance-{balance.Entity}-{balance.From:yyyyMMdd}-{balance.To:yyyyMMdd}.{extension}");
        }
        catch (InputValidationException)
        {
            return BadRequest();
        }
    }

    public async Task<IActionResult> OnGetFecAsync(int year, CancellationToken ct)
    {
        if (!await AllowedAsync())
        {
            return NotFound();
        }

        try
        {
            var file = await fec.PrepareAsync(Entity, year, Actor, ct);
            Response.ContentType = "text/plain; charset=utf-8";
            Response.Headers.ContentDisposition = $"attachment; filename={file.FileName}";
            await fec.WriteAsync(file, Response.Body, ct);
            return new EmptyResult();
        }
        catch (DomainException)
        {
            return NotFound();
        }
    }

    private async Task<bool> AllowedAsync()
    {
        await LoadActorAsync();
        Entity = EntityCode(Entity);
        return LedgerAccess.KeepsTheBooks(Actor);
    }

    /// <summary>The entity named in the address, SCIC when it names none of the three.</summary>
    public static string EntityCode(string? entity) =>
        entity?.Trim().ToUpperInvariant() is "SCIC" or "LNA" or "GE" ? entity.Trim().ToUpperInvariant() : "SCIC";

    /// <summary>A form's action: on success back to the page with a notice; on refusal the page again, nothing written, the message shown and the typed values kept.</summary>
    private async Task<IActionResult> RunAsync(Func<Task<string>> action, CancellationToken ct)
    {
        if (!await AllowedAsync())
        {
            return NotFound();
        }

        string? notice = null;
        var result = await TryAsync(async () =>
        {
            notice = await action();
            return Redirect($"/comptabilite?entity={Entity}&fait={Uri.EscapeDataString(notice)}");
        }, string.Empty);
        return notice is not null ? result : await ShowAsync(ct);
    }

    /// <summary>The activity picked by its label (or, from an older habit, its identifier); anything else is refused in words.</summary>
    private static string? ActivityOf(string? text, IReadOnlyList<ActivityChoice> choices, int line, Validation v)
    {
        if (string.IsNullOrWhiteSpace(text) || TypedId.TryParse<ActivityId>(text.Trim(), out _))
        {
            return text;
        }

        if (choices.FirstOrDefault(c => c.Label == text.Trim()) is { } chosen)
        {
            return chosen.Id.ToString();
        }

        v.Add($"Lines[{line}].ActivityId", $"Ligne {line + 1} : choisissez l'activité dans la liste (son nom, puis le numéro et le nom du membre).");
        return null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var today = clock.Today();
        From ??= new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        To ??= new DateOnly(today.Year, 12, 31).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        EntryDate ??= today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        while (Lines.Count < 4)
        {
            Lines.Add(new LineForm { Side = Lines.Count % 2 == 0 ? "D" : "C" });
        }

        Years = await fiscalYears.HandleAsync(Entity, Actor, ct);
        Activities = await activities.ChoicesAsync(await entities.ByCodeAsync(Entity, ct), ct);
        Check = await checkBooks.HandleAsync(Entity, ct);
        try
        {
            Balance = await trialBalance.HandleAsync(Entity, From, To, Actor, ct);
        }
        catch (InputValidationException)
        {
            ModelState.AddModelError(string.Empty, "Les dates de la balance s'écrivent AAAA-MM-JJ, la fin après le début.");
        }

        return Page();
    }
}
