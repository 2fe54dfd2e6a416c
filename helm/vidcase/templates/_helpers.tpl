{{/* Chart name, overridable. */}}
{{- define "vidcase.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified name: the release name alone when it already contains the chart name. */}}
{{- define "vidcase.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "vidcase.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "vidcase.selectorLabels" -}}
app.kubernetes.io/name: {{ include "vidcase.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "vidcase.labels" -}}
helm.sh/chart: {{ include "vidcase.chart" . }}
{{ include "vidcase.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/component: server
app.kubernetes.io/part-of: vidcase
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "vidcase.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "vidcase.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret with the credentials; installing without one is an error, not a crash loop. */}}
{{- define "vidcase.secretName" -}}
{{- required "existingSecret is required: create a Secret with the database, storage and key entries listed in values.yaml and pass its name with --set existingSecret=<name>" .Values.existingSecret }}
{{- end }}
