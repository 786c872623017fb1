using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Modules.Members.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Members.Pages;

/// <summary>The list's CSV or Excel export for signed-in staff (the API has the same at /api/v1/members/export.csv and .xlsx).</summary>
public sealed class ExportModel(SearchMembers handler) : PartagePageModel
{
    public async Task<IActionResult> OnGetAsync([FromQuery] MemberSearch search, [FromRoute] string format, CancellationToken ct)
    {
        await LoadActorAsync();
        if (!Actor.IsCooperativeStaff && !Actor.IsInRole(Security.Roles.Manager))
        {
            return NotFound();
        }

        var buffer = new MemoryStream();
        try
        {
            await (format == "xlsx" ? handler.ExportXlsxAsync(search, Actor, buffer, ct) : handler.ExportCsvAsync(search, Actor, buffer, ct));
        }
        catch (Kernel.InputValidationException)
        {
            return BadRequest();
        }

        buffer.Position = 0;
        return format == "xlsx" ? File(buffer, SpreadsheetXlsx.ContentType, "membres.xlsx") : File(buffer, "text/csv; charset=utf-8", "membres.csv");
    }
}
