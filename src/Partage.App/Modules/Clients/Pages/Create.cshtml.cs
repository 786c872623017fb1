using Microsoft.AspNetCore.Mvc;
using Partage.App.Modules.Clients.Features;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Clients.Pages;

public sealed class CreateModel(CreateClient create) : PartagePageModel
{
    [BindProperty]
    public ClientForm Input { get; set; } = new();

    /// <summary>The existing client when the one typed is a duplicate.</summary>
    public string? ExistingLink { get; private set; }

    public sealed class ClientForm
    {
        public string? Kind { get; set; } = nameof(ClientKind.Company);

        public string? Name { get; set; }

        public string? LegalForm { get; set; }

        public string? Country { get; set; } = "FR";

        public string? Siren { get; set; }

        public string? Siret { get; set; }

        public string? VatNumber { get; set; }

        public string? AddressLine1 { get; set; }

        public string? AddressLine2 { get; set; }

        public string? PostalCode { get; set; }

        public string? City { get; set; }

        public string? ElectronicAddress { get; set; }

        public string? BillingEmail { get; set; }

        public string? ContactName { get; set; }

        public string? ContactEmail { get; set; }

        public string? ContactPhone { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadActorAsync();
        return ClientsAccess.CanUse(Actor) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadActorAsync();
        var f = Input;
        IReadOnlyList<ClientContactInput> contacts = string.IsNullOrWhiteSpace(f.ContactName) && string.IsNullOrWhiteSpace(f.ContactEmail) && string.IsNullOrWhiteSpace(f.ContactPhone)
            ? [] : [new ClientContactInput(f.ContactName, null, f.ContactEmail, f.ContactPhone)];
        var input = new ClientInput(f.Kind, f.Name, f.LegalForm, f.Country, f.Siren, f.Siret, f.VatNumber, f.AddressLine1, f.AddressLine2, f.PostalCode, f.City,
            f.ElectronicAddress, f.BillingEmail, contacts);
        try
        {
            return await TryAsync(async () => Redirect($"/clients/{(await create.HandleAsync(input, Actor, ct)).Id}?cree=1"));
        }
        catch (DomainException e) when (e.Error == ClientsErrors.Duplicate)
        {
            ExistingLink = e.Link;
            ModelState.AddModelError(string.Empty, ClientsErrors.Duplicate.Message);
            return Page();
        }
    }
}
