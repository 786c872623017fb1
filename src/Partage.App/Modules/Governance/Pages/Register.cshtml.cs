using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Governance.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Governance.Pages;

/// <summary>Governance staff's register: the shareholders by category on a day (with its PDF and CSV), the search, the applications to decide, a partner's application.</summary>
public sealed class RegisterModel(GetShareRegister registers, SearchShareholders search, ApplyForShares apply, ShareRegister register) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Entite { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Statut { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? PageNumber { get; set; }

    [BindProperty]
    public ApplyForSharesInput Input { get; set; } = new(Category: "6", Shares: "1", PaysByDeduction: false);

    public ShareRegisterView? View { get; private set; }

    public PagedResult<ShareholderRow>? Result { get; private set; }

    public DateOnly Day { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        if (!GovernanceAccess.IsStaff(Actor))
        {
            return NotFound();
        }

        return await TryAsync(async () =>
        {
            await ShowAsync(ct);
            return Page();
        }, string.Empty);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var holder = await apply.HandleAsync(Input with { EntityCode = Entite, PaysByDeduction = false }, Actor, ct);
            return Redirect($"/gouvernance/societaires/{holder.Id}?fait={Uri.EscapeDataString("Candidature enregistrée : elle attend la décision du conseil.")}");
        });
        if (result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult)
        {
            await TryAsync(async () =>
            {
                await ShowAsync(ct);
                return Page();
            }, "Show");
        }

        return result;
    }

    public Task<IActionResult> OnGetPdfAsync(CancellationToken ct) => DownloadAsync(async () =>
        File(await registers.PdfAsync(Entite, DayOf(), Actor, ct), "application/pdf", $"registre-parts-{Entite ?? "SCIC"}-{DayOf():yyyy-MM-dd}.pdf"));

    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => DownloadAsync(async () =>
        File(await registers.CsvAsync(Entite, DayOf(), Actor, ct), "text/csv", $"societaires-par-categorie-{Entite ?? "SCIC"}-{DayOf():yyyy-MM-dd}.csv"));

    public string PageUrl(int page) => $"/gouvernance?entite={Uri.EscapeDataString(Entite ?? "SCIC")}&q={Uri.EscapeDataString(Q ?? string.Empty)}&statut={Statut}&pageNumber={page}";

    private DateOnly DayOf()
    {
        var v = new Validation();
        var day = v.Date("Date", "La date du registre", Date, required: false) ?? register.Today;
        v.ThrowIfInvalid();
        return day;
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        Day = DayOf();
        var v = new Validation();
        var status = v.Enum<ShareholderStatus>("Statut", "Le statut", Statut, required: false);
        v.ThrowIfInvalid();
        View = await registers.HandleAsync(Entite, Day, Actor, ct);
        Result = await search.HandleAsync(Entite ?? "SCIC", Q, status, null, new PageRequest(PageNumber, 50), Actor, ct);
    }
}
