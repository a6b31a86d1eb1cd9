using Hub.Catalog;
using Hub.Catalog.Data;
using Hub.ServiceDefaults;
using Hub.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
var identity = builder.AddServiceDefaults("catalog");
builder.AddCatalog();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapCatalogEndpoints(identity);

return await app.RunAsync<CatalogDbContext>(args);
