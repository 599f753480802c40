// Kim on Azure: one Storage account (tables, queues, blobs), a Linux Function App running Kim as a
// custom handler, its system-assigned identity with data-plane roles on the account (no keys in
// settings), and App Service Authentication with Entra ID in front of the staff routes.
//
// Deploy: az deployment group create -g <rg> -f infra/main.bicep -p name=kim-mk sendGridFrom=kim@example.org
// then publish the folder made by scripts/publish.sh (zip deploy).

@description('Base name of the resources, e.g. kim-mk for Märkischer Kreis.')
param name string

param location string = resourceGroup().location

@description('Sender address of reminder mails (verified in SendGrid).')
param sendGridFrom string

@description('SendGrid API key; kept as an app setting reference to Key Vault in a real deployment.')
@secure()
param sendGridApiKey string = ''

@description('Entra ID app registration (client id) for App Service Authentication of staff.')
param staffAuthClientId string = ''

@description('NCRONTAB of the daily digest, in Europe/Berlin time.')
param reminderSchedule string = '0 0 7 * * 1-5'

var storageName = toLower(replace('${name}st', '-', ''))

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'functionapp'
  sku: { name: 'Y1', tier: 'Dynamic' }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: name
  location: location
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: ''
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      appSettings: [
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'custom' }
        { name: 'AzureWebJobsStorage__accountName', value: storage.name }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'WEBSITE_TIME_ZONE', value: 'W. Europe Standard Time' }
        { name: 'Kim__Reminders__Schedule', value: reminderSchedule }
        // The host's minute timer (functions/reminders) drives the schedule; no standalone driver.
        { name: 'Kim__Reminders__Standalone', value: 'false' }
        { name: 'Kim__PublicBaseUrl', value: 'https://${name}.azurewebsites.net' }
        { name: 'Kim__Auth__AppServiceAuthentication', value: 'true' }
        { name: 'SendGrid__From', value: sendGridFrom }
        { name: 'SendGrid__ApiKey', value: sendGridApiKey }
      ]
    }
  }
}

// App Service Authentication: staff sign in with Entra ID; partners' API-key calls pass through
// unauthenticated and Kim checks their key itself.
resource auth 'Microsoft.Web/sites/config@2023-12-01' = if (!empty(staffAuthClientId)) {
  parent: app
  name: 'authsettingsV2'
  properties: {
    globalValidation: { requireAuthentication: false, unauthenticatedClientAction: 'AllowAnonymous' }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: staffAuthClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
      }
    }
  }
}

// Data-plane roles for the app's identity: Storage Blob Data Owner, Queue Data Contributor,
// Table Data Contributor.
var roles = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
]

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in roles: {
  name: guid(storage.id, app.id, role)
  scope: storage
  properties: {
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

output appUrl string = 'https://${app.properties.defaultHostName}'
