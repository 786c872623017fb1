using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.LegalEntities.Features;
using Partage.App.Ui;

namespace Partage.App.Modules.LegalEntities.Pages;

/// <summary>The group's entities and their live-performance licences; finance records a renewed licence here.</summary>
public sealed class EntitiesModel(ILegalEntitiesApi entities, RecordLicence record) : PartagePageModel
{
    public IReadOnlyList<LegalEntityView> Entities { get; private set; } = [];

    public string? Notice { get; private set; }

    [BindProperty]
    public string? EntityCode { get; set; }

    [BindProperty]
    public LicenceForm Input { get; set; } = new();

    public sealed class LicenceForm
    {
        public string? Category { get; set; } = "2";

        public string? Number { get; set; }

        public string? ValidUntil { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Notice = Request.Query["fait"].FirstOrDefault();
        Entities = await entities.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        Entities = await entities.ListAsync(ct);
        return await TryAsync(async () =>
        {
            var licence = await record.HandleAsync(EntityCode ?? string.Empty, new LicenceInput(Input.Category, Input.Number, Input.ValidUntil), Actor, ct);
            return Redirect($"/entites?fait={Uri.EscapeDataString($"Licence {licence.Number} enregistrée, valable jusqu'au {licence.ValidUntil:dd/MM/yyyy}.")}");
        });
    }
}
