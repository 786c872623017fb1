using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Ledger.Pages;

/// <summary>The detail of one account over a period ("grand livre" of the account), with its CSV.</summary>
public sealed class AccountDetailModel(GetAccountDetail accountDetail, TimeProvider clock) : PartagePageModel
{
    [BindProperty(SupportsGet = true)]
    public string Entity { get; set; } = "SCIC";

    [BindProperty(SupportsGet = true)]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public AccountDetail? Detail { get; private set; }

    public string PageUrl(int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/comptabilite/compte", new Dictionary<string, string?>
    {
        ["entity"] = Entity, ["number"] = Number, ["from"] = From, ["to"] = To, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Defaults();
        return await LoadAsync(async () =>
        {
            try
            {
                Detail = await accountDetail.PageAsync(Entity, Number ?? string.Empty, From, To, PageNumber, GetAccountDetail.LinesPerPage, Actor, ct);
            }
            catch (InputValidationException)
            {
                ModelState.AddModelError(string.Empty, "Les dates s'écrivent AAAA-MM-JJ, la fin après le début.");
            }
            catch (DomainException e) when (e.Error.Kind != ErrorKind.NotFound)
            {
                ModelState.AddModelError(string.Empty, e.Message);
            }
        });
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => DownloadAsync(async () =>
    {
        Defaults();
        var detail = await accountDetail.HandleAsync(Entity, Number ?? string.Empty, From, To, Actor, ct);
        var buffer = new MemoryStream();
        await GetAccountDetail.WriteCsvAsync(detail, buffer, ct);
        buffer.Position = 0;
        return File(buffer, "text/csv; charset=utf-8", $"compte-{detail.Entity}-{detail.Number}-{detail.From:yyyyMMdd}-{detail.To:yyyyMMdd}.csv");
    });

    private void Defaults()
    {
        Entity = BooksModel.EntityCode(Entity);
        var today = clock.Today();
        From ??= $"{today.Year}-01-01";
        To ??= $"{today.Year}-12-31";
    }
}
