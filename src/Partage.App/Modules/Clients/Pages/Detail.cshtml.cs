using Microsoft.AspNetCore.Mvc;
using Partage.App.Ui;
using Partage.Kernel;

namespace Partage.App.Modules.Clients.Pages;

public sealed class DetailModel(IClientsApi clients) : PartagePageModel
{
    public ClientView? Client { get; private set; }

    public bool Created { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadActorAsync();
        Created = Request.Query.ContainsKey("cree");
        return await LoadAsync(async () =>
        {
            ClientsAccess.Require(Actor);
            Client = await clients.FindAsync(ClientId.From(id), ct) ?? throw new DomainException(ClientsErrors.NotFound);
        });
    }
}
