using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Activities.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Activities.Pages;

/// <summary>The activity statement as PDF for a signed-in member, manager or staff (same scope as the page).</summary>
public sealed class StatementPdfModel(GetActivityStatement statements) : PartagePageModel
{
    public Task<IActionResult> OnGetAsync(Guid id, string? from, string? to, CancellationToken ct) =>
        DownloadAsync(async () => File(await statements.PdfAsync(new ActivityId(id), from, to, Actor, ct), "application/pdf", $"releve-{id}.pdf"));
}
