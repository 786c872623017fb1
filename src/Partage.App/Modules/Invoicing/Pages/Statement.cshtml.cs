using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Invoicing.Pages;

/// <summary>One imported statement and each of its receipts as it stands (finance).</summary>
public sealed class StatementModel(ListBankStatements statements) : PartagePageModel
{
    public StatementDetail? Detail { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        return await LoadAsync(async () => Detail = await statements.DetailAsync(id, Actor, ct));
    }
}
