using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.Payroll.Pages;

/// <summary>
/// A wage batch before and after release: every transfer with its payee and amount, the total, and the release behind
/// an explicit confirmation, so that money leaves only once someone has read where it goes.
/// </summary>
public sealed class BatchModel(GetWageBatch batch, ReleaseWageBatch release, ApproveWageBatch approve, Microsoft.Extensions.Options.IOptions<PayrollOptions> options) : PartagePageModel
{
    [BindProperty]
    public bool Confirmed { get; set; }

    public WageBatchDetail Detail { get; private set; } = null!;

    public bool NeedsSecondApproval => ApproveWageBatch.NeedsSecondApproval(Detail.Batch.Total.Cents, options.Value);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            var approved = await approve.HandleAsync(id, Actor, ct);
            return Redirect($"/paie?fait={Uri.EscapeDataString($"Lot {approved.Number} approuvé : une autre personne du service paie peut le libérer.")}");
        }, prefix: string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(async () => Detail = await batch.HandleAsync(id, Actor, ct)) : result;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        return await LoadAsync(async () => Detail = await batch.HandleAsync(id, Actor, ct));
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        var result = await TryAsync(async () =>
        {
            if (!Confirmed)
            {
                throw new Kernel.InputValidationException(new Dictionary<string, string[]>
                {
                    [nameof(Confirmed)] = ["Cochez la case pour confirmer que vous avez vérifié les virements de ce lot."],
                });
            }

            var released = await release.HandleAsync(id, Actor, ct);
            return Redirect($"/paie?fait={Uri.EscapeDataString($"Lot {released.Number} libéré : {Kernel.French.Count(released.Count, "salaire")}, {released.Total.ToDisplayString()}.")}");
        }, prefix: string.Empty);
        return result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult ? await LoadAsync(async () => Detail = await batch.HandleAsync(id, Actor, ct)) : result;
    }
}
